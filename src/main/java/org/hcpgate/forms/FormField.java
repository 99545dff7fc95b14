package org.hcpgate.forms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One component of a reader form, as the site renders it.
 *
 * @param type the form-js component type ({@code textfield}, {@code select}, …)
 * @param key the answer's name (null for a display component)
 * @param label the label, in the reader's languages
 * @param description the hint under the field, or null
 * @param text a {@code text} component's content (plain text or simple Markdown)
 * @param source an {@code image} component's address (a site path or a data URI)
 * @param required whether an answer is needed
 * @param minLength the shortest text accepted, or null
 * @param maxLength the longest text accepted, or null
 * @param pattern a regular expression the whole text must match, or null
 * @param min the smallest number accepted, or null
 * @param max the largest number accepted, or null
 * @param validationType {@code email} or {@code phone}, or null
 * @param options the choices of a select, radio or checklist
 * @param routing whether the process gets this answer as a variable (property
 * {@code routing: true})
 */
public record FormField(String type, String key, FormText label, FormText description, FormText text, String source,
		boolean required, Integer minLength, Integer maxLength, String pattern, BigDecimal min, BigDecimal max,
		String validationType, List<FormOption> options, boolean routing) {

	public static final String TEXTFIELD = "textfield";

	public static final String TEXTAREA = "textarea";

	public static final String NUMBER = "number";

	public static final String SELECT = "select";

	public static final String RADIO = "radio";

	public static final String CHECKBOX = "checkbox";

	public static final String CHECKLIST = "checklist";

	public static final String DATE = "datetime";

	public static final String DOCUMENT = "filepicker";

	public static final String TEXT = "text";

	public static final String IMAGE = "image";

	public static final String SEPARATOR = "separator";

	public static final String SPACER = "spacer";

	/** The components that take an answer. */
	public static final List<String> INPUTS = List.of(TEXTFIELD, TEXTAREA, NUMBER, SELECT, RADIO, CHECKBOX, CHECKLIST,
			DATE, DOCUMENT);

	/** The components that only show something. */
	public static final List<String> DISPLAYS = List.of(TEXT, IMAGE, SEPARATOR, SPACER);

	/** The components whose answer may be a routing variable. */
	public static final List<String> ROUTABLE = List.of(SELECT, RADIO, CHECKBOX, NUMBER);

	/**
	 * A stored answer whose form is no longer deployed: shown under its key, as text.
	 */
	public static FormField unlabelled(String key) {
		return new FormField(TEXTFIELD, key, null, null, null, null, false, null, null, null, null, null, null,
				List.of(), false);
	}

	public boolean isInput() {
		return INPUTS.contains(this.type);
	}

	public boolean isDocument() {
		return DOCUMENT.equals(this.type);
	}

	/**
	 * A {@code text} component's content in the reader's language, as blocks: a line that
	 * starts with {@code #} is a heading, other lines run into paragraphs split by blank
	 * lines. The site shows them as text, never as HTML.
	 */
	public List<TextBlock> blocks(Locale locale) {
		List<TextBlock> blocks = new ArrayList<>();
		StringBuilder paragraph = new StringBuilder();
		String content = (this.text != null) ? this.text.in(locale) : "";
		for (String line : content.split("\\R")) {
			String stripped = line.strip();
			if (stripped.isEmpty() || stripped.startsWith("#")) {
				if (!paragraph.isEmpty()) {
					blocks.add(new TextBlock(false, paragraph.toString()));
					paragraph.setLength(0);
				}
				if (!stripped.isEmpty()) {
					blocks.add(new TextBlock(true, stripped.replaceFirst("^#+\\s*", "")));
				}
			}
			else {
				paragraph.append(paragraph.isEmpty() ? "" : " ").append(stripped.replace("**", ""));
			}
		}
		if (!paragraph.isEmpty()) {
			blocks.add(new TextBlock(false, paragraph.toString()));
		}
		return blocks;
	}

	/** A heading or a paragraph of a text component. */
	public record TextBlock(boolean heading, String text) {
	}

	/** The label of a stored value, for staff and for the reader's own page. */
	public FormText optionLabel(String value) {
		return this.options.stream()
			.filter(option -> option.value().equals(value))
			.map(FormOption::label)
			.findFirst()
			.orElse(new FormText(value, null));
	}

}
