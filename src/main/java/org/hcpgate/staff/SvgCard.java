package org.hcpgate.staff;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * A small read-only card drawn as SVG, shown with {@code <img>} inside a Camunda Form:
 * the form can only reference staff views by id (no data in process variables), and an
 * image is what its html component may embed from this site. Rows may be highlighted (a
 * field changed since the previous attempt). Text is escaped; long values wrap.
 */
final class SvgCard {

	static final int WIDTH = 720;

	/** What XML 1.0 allows is tab, line breaks and everything from the space on. */
	private static final Pattern NOT_XML = Pattern
		.compile("[^\\x{9}\\x{A}\\x{D}\\x{20}-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");

	private static final int PADDING = 16;

	private static final int LABEL_WIDTH = 150;

	private static final int LINE = 22;

	private static final int FONT_SIZE = 14;

	private static final String FONT = "PingFang SC, Microsoft YaHei, Noto Sans CJK SC, sans-serif";

	private final String title;

	private final List<Item> items = new ArrayList<>();

	SvgCard(String title) {
		this.title = title;
	}

	SvgCard heading(String text) {
		this.items.add(new Item(Kind.HEADING, null, text, null, false));
		return this;
	}

	SvgCard row(String label, String value, boolean highlighted) {
		return row(label, value, null, highlighted);
	}

	/**
	 * A row; {@code note} is a second, grey line under the value (e.g. the previous
	 * value).
	 */
	SvgCard row(String label, String value, String note, boolean highlighted) {
		this.items.add(new Item(Kind.ROW, label, (value == null) ? "" : value, note, highlighted));
		return this;
	}

	SvgCard text(String text) {
		this.items.add(new Item(Kind.TEXT, null, text, null, false));
		return this;
	}

	String render() {
		StringBuilder body = new StringBuilder();
		int y = PADDING + LINE;
		body.append(text(PADDING, y, this.title, "#1d2430", true));
		y += LINE / 2;
		int valueWidth = WIDTH - 2 * PADDING - LABEL_WIDTH;
		for (Item item : this.items) {
			switch (item.kind()) {
				case HEADING -> {
					y += LINE;
					body.append(String.format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#dde3ea\"/>",
							PADDING, y - LINE + 6, WIDTH - PADDING, y - LINE + 6));
					body.append(text(PADDING, y, item.value(), "#125287", true));
				}
				case TEXT -> {
					for (String line : wrap(item.value(), WIDTH - 2 * PADDING)) {
						y += LINE;
						body.append(text(PADDING, y, line, "#1d2430", false));
					}
				}
				case ROW -> {
					List<String> lines = wrap(item.value(), valueWidth);
					List<String> notes = (item.note() == null) ? List.of() : wrap(item.note(), valueWidth);
					int height = (Math.max(1, lines.size()) + notes.size()) * LINE;
					if (item.highlighted()) {
						body.append(String.format(
								"<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"4\" fill=\"#fff3b0\" stroke=\"#e0b400\"/>",
								PADDING - 6, y + 6, WIDTH - 2 * PADDING + 12, height + 2));
					}
					int rowY = y + LINE;
					body.append(text(PADDING, rowY, item.label(), "#667", false));
					for (String line : lines) {
						y += LINE;
						body.append(text(PADDING + LABEL_WIDTH, y, line, "#1d2430", item.highlighted()));
					}
					if (lines.isEmpty()) {
						y += LINE;
					}
					for (String line : notes) {
						y += LINE;
						body.append(text(PADDING + LABEL_WIDTH, y, line, "#667", false));
					}
					y += 2;
				}
			}
		}
		int height = y + PADDING;
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + WIDTH + "\" height=\"" + height
				+ "\" viewBox=\"0 0 " + WIDTH + " " + height + "\" font-family=\"" + FONT + "\" font-size=\""
				+ FONT_SIZE + "\"><rect width=\"100%\" height=\"100%\" rx=\"8\" fill=\"#ffffff\" stroke=\"#dde3ea\"/>"
				+ body + "</svg>";
	}

	private static String text(int x, int y, String text, String color, boolean bold) {
		return "<text x=\"" + x + "\" y=\"" + y + "\" fill=\"" + color + "\"" + (bold ? " font-weight=\"bold\"" : "")
				+ ">" + HtmlUtils.htmlEscape(xmlCharacters(text), "UTF-8") + "</text>";
	}

	/**
	 * Characters XML cannot carry (control characters, lone surrogates) become U+FFFD: a
	 * reader who typed one would otherwise break the whole card, escaped or not.
	 */
	static String xmlCharacters(String text) {
		return NOT_XML.matcher(text).replaceAll("\uFFFD");
	}

	/**
	 * Greedy wrapping by an estimated glyph width: CJK full width, the rest about half.
	 */
	static List<String> wrap(String text, int width) {
		List<String> lines = new ArrayList<>();
		for (String paragraph : text.split("\\R")) {
			StringBuilder line = new StringBuilder();
			int used = 0;
			for (int i = 0; i < paragraph.length(); i++) {
				char c = paragraph.charAt(i);
				int w = (c >= 0x2E80) ? FONT_SIZE : (FONT_SIZE * 6 / 10);
				if (used + w > width && line.length() > 0) {
					lines.add(line.toString());
					line.setLength(0);
					used = 0;
				}
				line.append(c);
				used += w;
			}
			if (line.length() > 0) {
				lines.add(line.toString());
			}
		}
		return lines;
	}

	private enum Kind {

		HEADING, ROW, TEXT

	}

	private record Item(Kind kind, String label, String value, String note, boolean highlighted) {
	}

}
