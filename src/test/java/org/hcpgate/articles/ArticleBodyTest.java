package org.hcpgate.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * Nothing active reaches an article page: every body of a hostile corpus
 * ({@code sanitiser/hostile.txt}: scripts, {@code javascript:} and {@code data:}
 * addresses, event attributes, SVG and MathML, frames, objects, forms, CSS expressions,
 * encoded and broken variants), sent as Markdown and as HTML, comes out with no active
 * element, attribute or address; and what editors legitimately write survives.
 */
class ArticleBodyTest {

	/** Elements that may run, load, submit or restyle something. */
	private static final Pattern ACTIVE_ELEMENT = Pattern.compile(
			"<\\s*/?\\s*(script|iframe|frame|frameset|object|embed|applet|svg|math|style|link|meta|base|form|input|button"
					+ "|textarea|select|video|audio|source|template|portal|animate|set|noscript|xmp|plaintext|marquee"
					+ "|isindex|body|details|xss)\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern TAG = Pattern.compile("<[^>]*>");

	private static final Pattern ATTRIBUTE = Pattern.compile("\\s([a-zA-Z_:][-a-zA-Z0-9_:.]*)\\s*=\\s*\"([^\"]*)\"");

	private static final List<String> ALLOWED_ATTRIBUTES = List.of("href", "src", "alt", "title", "class", "rel",
			"start", "colspan", "rowspan");

	@Test
	void noBodyOfTheHostileCorpusLeavesAnythingActive() throws IOException {
		List<String> corpus = corpus();
		assertThat(corpus).hasSizeGreaterThanOrEqualTo(80);
		List<String> found = new ArrayList<>();
		for (String hostile : corpus) {
			for (ArticleBody.Format format : ArticleBody.Format.values()) {
				String page = ArticleBody.sanitise(format, hostile);
				found.addAll(activeParts(page).stream().map(p -> format + " " + hostile + " -> " + p).toList());
			}
		}
		assertThat(found).as("active parts left in sanitised bodies").isEmpty();
	}

	@Test
	void theCheckItselfSeesActivePartsInUnsanitisedHtml() throws IOException {
		// the corpus is hostile: without the sanitiser the check finds something in
		// (nearly) every line
		long flagged = corpus().stream().filter(hostile -> !activeParts(hostile).isEmpty()).count();
		assertThat(flagged).isGreaterThanOrEqualTo(60);
	}

	@Test
	void whatEditorsWriteSurvives() throws IOException {
		String demo = new ClassPathResource("demo/article-sepsis.html").getContentAsString(StandardCharsets.UTF_8);
		String page = ArticleBody.sanitise(ArticleBody.Format.HTML, demo);
		assertThat(page).contains("<figure><img src=\"/images/demo/kv.svg\" alt=\"项目主KV\" /></figure>")
			.contains("<figcaption")
			.contains("<h2>");

		String markdown = ArticleBody.sanitise(ArticleBody.Format.MARKDOWN, """
				# 标题

				正文 **加粗** 和 [链接](https://example.org/a?b=1)。

				| 评分 | 分值 |
				|---|---|
				| qSOFA | ≥ 2 |

				![图](/images/demo/kv.svg)
				""");
		assertThat(ArticleBody.sanitise(ArticleBody.Format.HTML, "<img src=\"/images/../staff/decisions\" alt=\"x\">"))
			.as("no way out of the pictures' folders")
			.doesNotContain("src=");
		assertThat(markdown).contains("<h2>标题</h2>")
			.contains("<strong>加粗</strong>")
			.containsPattern(
					"<a href=\"https://example.org/a\\?b&#61;1\" rel=\"(noopener noreferrer|noreferrer noopener)\">链接</a>")
			.contains("<table>")
			.contains("<td>qSOFA</td>")
			.contains("<img src=\"/images/demo/kv.svg\" alt=\"图\" />");
	}

	/**
	 * The active parts of a page: elements, event or other unknown attributes, addresses.
	 */
	static List<String> activeParts(String html) {
		List<String> parts = new ArrayList<>();
		Matcher element = ACTIVE_ELEMENT.matcher(html);
		while (element.find()) {
			parts.add("element " + element.group());
		}
		Matcher tag = TAG.matcher(html);
		while (tag.find()) {
			String text = tag.group();
			if (text.startsWith("<!--")) {
				continue;
			}
			if (Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(text).find()) {
				parts.add("event attribute in " + text);
			}
			Matcher attribute = ATTRIBUTE.matcher(text);
			while (attribute.find()) {
				String name = attribute.group(1).toLowerCase(Locale.ROOT);
				String value = decode(attribute.group(2)).replaceAll("[\\s\\x00-\\x1f]", "").toLowerCase(Locale.ROOT);
				if (!ALLOWED_ATTRIBUTES.contains(name)) {
					parts.add("attribute " + name + " in " + text);
				}
				if (value.startsWith("javascript:") || value.startsWith("vbscript:") || value.startsWith("data:")
						|| value.contains("expression(")) {
					parts.add("address " + value + " in " + text);
				}
				if (name.equals("src") && !ArticleBody.LOCAL_PICTURE.matcher(value).matches()) {
					parts.add("foreign picture " + value + " in " + text);
				}
			}
			if (Pattern.compile("\\s(src|href)\\s*=\\s*[^\"\\s>]", Pattern.CASE_INSENSITIVE).matcher(text).find()) {
				parts.add("unquoted address in " + text);
			}
		}
		return parts;
	}

	/** Numeric character references, as a browser reads an attribute's value. */
	private static String decode(String value) {
		Matcher reference = Pattern.compile("&#(x?)([0-9a-fA-F]+);?").matcher(value);
		StringBuilder decoded = new StringBuilder();
		while (reference.find()) {
			int code = Integer.parseInt(reference.group(2), reference.group(1).isEmpty() ? 10 : 16);
			reference.appendReplacement(decoded, Matcher.quoteReplacement(Character.toString(code)));
		}
		reference.appendTail(decoded);
		return decoded.toString().replace("&colon;", ":").replace("&amp;", "&");
	}

	static List<String> corpus() throws IOException {
		return new ClassPathResource("sanitiser/hostile.txt").getContentAsString(StandardCharsets.UTF_8)
			.lines()
			.filter(line -> !line.isBlank() && !line.startsWith("#"))
			.map(line -> line.replace("\\n", "\n").replace("\\u0000", "\u0000"))
			.toList();
	}

}
