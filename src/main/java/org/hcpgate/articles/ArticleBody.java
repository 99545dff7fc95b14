package org.hcpgate.articles;

import java.util.List;
import java.util.regex.Pattern;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * An article's body on its way in: Markdown is rendered by CommonMark, and whatever comes
 * out (or the HTML an editor or the CMS sent) passes an allow-list of elements and
 * attributes (OWASP Java HTML Sanitizer). Nothing active survives: no script, style,
 * event handler, frame, object, form, SVG or MathML, no {@code javascript:} or
 * {@code data:} address, and pictures only from the site itself (the page's content
 * security policy refuses others anyway; a stripped tag shows the editor what went).
 */
public final class ArticleBody {

	public enum Format {

		MARKDOWN, HTML

	}

	/** Pictures the site serves: its own images and the pictures editors upload. */
	static final Pattern LOCAL_PICTURE = Pattern
		.compile("/(images|articles/pictures)/(?!.*\\.\\.)(?!.*//)[A-Za-z0-9._/-]{1,200}");

	private static final Pattern CLASS_NAMES = Pattern.compile("[a-z][a-z0-9 -]{0,80}");

	private static final Pattern NUMBER = Pattern.compile("[0-9]{1,3}");

	private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
		.allowElements("p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "s", "del", "sub",
				"sup", "blockquote", "pre", "code", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td",
				"figure", "figcaption", "img", "a", "span", "div")
		// the page's title is its only h1
		.allowElements((name, attributes) -> "h2", "h1")
		.allowUrlProtocols("https", "http", "mailto")
		.allowAttributes("href")
		.onElements("a")
		.requireRelsOnLinks("noopener", "noreferrer")
		.allowAttributes("src")
		.matching(LOCAL_PICTURE)
		.onElements("img")
		.allowAttributes("alt", "title")
		.onElements("img", "a")
		.allowAttributes("class")
		.matching(CLASS_NAMES)
		.globally()
		.allowAttributes("start")
		.matching(NUMBER)
		.onElements("ol")
		.allowAttributes("colspan", "rowspan")
		.matching(NUMBER)
		.onElements("td", "th")
		.toFactory();

	private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());

	private static final Parser MARKDOWN = Parser.builder().extensions(EXTENSIONS).build();

	private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
		.extensions(EXTENSIONS)
		.sanitizeUrls(true)
		.build();

	private ArticleBody() {
	}

	/** The HTML a page may show for this source. */
	public static String sanitise(Format format, String source) {
		String html = (format == Format.MARKDOWN) ? RENDERER.render(MARKDOWN.parse(source)) : source;
		return POLICY.sanitize(html).strip();
	}

}
