package org.hcpgate.articles;

import java.io.StringWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Atom feed of the newest articles. Every entry carries the teaser as its summary and
 * nothing of the body: a feed reader is anonymous, and a gated body must not leak.
 */
@Controller
class ArticleFeedController {

	static final int ENTRIES = 50;

	private static final String ATOM = "http://www.w3.org/2005/Atom";

	private final ArticleRepository articles;

	private final MessageSource messages;

	private final String siteUrl;

	ArticleFeedController(ArticleRepository articles, MessageSource messages,
			@Value("${hcp-gate.site-url:http://localhost:8080}") String siteUrl) {
		this.articles = articles;
		this.messages = messages;
		this.siteUrl = siteUrl.replaceAll("/+$", "");
	}

	@GetMapping("/feed.atom")
	ResponseEntity<String> feed() throws XMLStreamException {
		List<Article> newest = this.articles.listed(Instant.now(), PageRequest.of(0, ENTRIES));
		Locale locale = LocaleContextHolder.getLocale();
		StringWriter out = new StringWriter();
		XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
		xml.writeStartDocument("UTF-8", "1.0");
		xml.writeStartElement("feed");
		xml.writeDefaultNamespace(ATOM);
		element(xml, "title", this.messages.getMessage("site.name", null, locale));
		element(xml, "subtitle", this.messages.getMessage("site.description", null, locale));
		element(xml, "id", this.siteUrl + "/");
		link(xml, "alternate", this.siteUrl + "/");
		link(xml, "self", this.siteUrl + "/feed.atom");
		element(xml, "updated", timestamp(newest.isEmpty() ? LocalDate.EPOCH : newest.get(0).getPublishedOn()));
		for (Article article : newest) {
			String url = this.siteUrl + "/articles/" + article.getId();
			xml.writeStartElement("entry");
			element(xml, "title", article.getTitle());
			link(xml, "alternate", url);
			element(xml, "id", url);
			element(xml, "updated", timestamp(article.getPublishedOn()));
			xml.writeStartElement("author");
			element(xml, "name", article.getAuthor());
			xml.writeEndElement();
			if (article.getTag() != null) {
				xml.writeEmptyElement("category");
				xml.writeAttribute("term", article.getTag());
			}
			element(xml, "summary", article.getTeaser());
			xml.writeEndElement();
		}
		xml.writeEndElement();
		xml.writeEndDocument();
		xml.close();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
			.body(out.toString());
	}

	private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeStartElement(name);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

	private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
		xml.writeEmptyElement("link");
		xml.writeAttribute("rel", rel);
		xml.writeAttribute("href", href);
	}

	private static String timestamp(LocalDate date) {
		return DateTimeFormatter.ISO_INSTANT.format(date.atStartOfDay().toInstant(ZoneOffset.UTC));
	}

}
