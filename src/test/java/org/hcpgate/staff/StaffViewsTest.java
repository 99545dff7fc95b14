package org.hcpgate.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.hcpgate.review.ReviewRefusal;
import org.hcpgate.review.ReviewRefusedException;

/**
 * The pieces the staff views are drawn from: refusal texts, the SVG card, the bar charts.
 */
class StaffViewsTest {

	@Test
	void everyRefusalHasACodeAndATextInBothLanguages() {
		for (ReviewRefusal refusal : ReviewRefusal.values()) {
			for (Locale locale : List.of(Locale.ROOT, Locale.ENGLISH)) {
				ResourceBundle bundle = ResourceBundle.getBundle("messages", locale,
						ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
				assertThat(bundle.getString(refusal.getMessageKey())).as("%s %s", refusal, locale).isNotBlank();
			}
			assertThat(new ReviewRefusedException(refusal, "x", "y").getMessage())
				.startsWith("[" + refusal.getCode() + "] ")
				.contains(" / ");
		}
	}

	@Test
	void theCardEscapesWhatReadersTypedAndWrapsLongValues() {
		String svg = new SvgCard("提交 #1").row("姓名", "<script>alert(1)</script>&", "上次:\"x\"", true)
			.row("医院", "北".repeat(80), false)
			.render();
		assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
			.doesNotContain("<script>")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;")
			.contains("fill=\"#fff3b0\"");
		assertThat(SvgCard.wrap("北".repeat(80), 520)).hasSizeGreaterThan(1)
			.allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(37));
	}

	/**
	 * Control characters a reader typed (XML cannot carry them, escaped or not) used to
	 * leave a card no browser draws.
	 */
	@Test
	void theCardStaysWellFormedXmlWhateverTheReaderTyped() throws Exception {
		String typed = "王\u0001医生\u0008\u001b[31m\ud800 \uFFFE";
		String svg = new SvgCard("提交 #1").row("姓名", typed, "上次:" + typed, true).text(typed).render();
		javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		org.w3c.dom.Document card = factory.newDocumentBuilder()
			.parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		assertThat(card.getDocumentElement().getTextContent()).contains("王\uFFFD医生\uFFFD");
	}

	@Test
	void barsScaleToTheLargestValueOrTheGivenMaximum() {
		BarChart chart = BarChart.of("c", List.of(new BarChart.Point("a", 2, "2"), new BarChart.Point("b", 4, "4")),
				null);
		assertThat(chart.bars()).extracting(BarChart.Bar::height).containsExactly(80.0, 160.0);
		assertThat(chart.bars().get(1).y() + chart.bars().get(1).height()).isEqualTo(chart.baseline());
		BarChart percent = BarChart.of("p", List.of(new BarChart.Point("w", 50, "50%")), 100.0);
		assertThat(percent.bars().get(0).height()).isEqualTo(80.0);
		assertThat(BarChart.of("e", List.of(new BarChart.Point("x", 0, "0")), null).isEmpty()).isTrue();
	}

}
