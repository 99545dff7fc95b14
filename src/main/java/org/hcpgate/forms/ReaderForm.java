package org.hcpgate.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.hcpgate.patterns.BoundedMatch;

/**
 * A Camunda Form the site renders for a reader (see {@link ReaderForms}).
 *
 * @param id the form's id (its file name in {@code forms/})
 * @param fields its components, in order
 */
public record ReaderForm(String id, List<FormField> fields) {

	static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()\\-]{6,20}");

	/** The longest answer a text field takes when the form sets no maximum. */
	static final int TEXT_LIMIT = 2000;

	/**
	 * Reads of the text a pattern may make: a thousand per character of the longest text.
	 */
	static final long PATTERN_BUDGET = 1_000L * TEXT_LIMIT;

	public List<FormField> inputs() {
		return this.fields.stream().filter(FormField::isInput).toList();
	}

	public List<FormField> routingFields() {
		return this.fields.stream().filter(FormField::routing).toList();
	}

	/**
	 * Checks what a reader sent, as the form says (required, lengths, pattern, bounds,
	 * choices among the form's own options).
	 * @param sent the request's values by field key (absent keys: nothing sent)
	 * @param documents the keys of document fields that hold an accepted document
	 */
	public FormCheck check(Map<String, List<String>> sent, Set<String> documents) {
		Map<String, Object> answers = new LinkedHashMap<>();
		Map<String, FormError> errors = new LinkedHashMap<>();
		for (FormField field : inputs()) {
			List<String> values = sent.getOrDefault(field.key(), List.of())
				.stream()
				.map(String::strip)
				.filter(v -> !v.isEmpty())
				.toList();
			FormError error = switch (field.type()) {
				case FormField.DOCUMENT ->
					(field.required() && !documents.contains(field.key())) ? FormError.of("document-required") : null;
				case FormField.CHECKBOX -> checkbox(field, values, answers);
				case FormField.CHECKLIST -> checklist(field, values, answers);
				default -> single(field, values.isEmpty() ? null : values.get(0), answers);
			};
			if (error != null) {
				errors.put(field.key(), error);
			}
		}
		return new FormCheck(answers, errors);
	}

	private static FormError checkbox(FormField field, List<String> values, Map<String, Object> answers) {
		boolean checked = values.contains("true");
		if (field.required() && !checked) {
			return FormError.of("required");
		}
		answers.put(field.key(), checked);
		return null;
	}

	private static FormError checklist(FormField field, List<String> values, Map<String, Object> answers) {
		Set<String> chosen = new LinkedHashSet<>(values);
		for (String value : chosen) {
			if (!isOption(field, value)) {
				return FormError.of("not-an-option");
			}
		}
		if (field.required() && chosen.isEmpty()) {
			return FormError.of("choose-one");
		}
		answers.put(field.key(), new ArrayList<>(chosen));
		return null;
	}

	private static FormError single(FormField field, String value, Map<String, Object> answers) {
		if (value == null) {
			return field.required() ? FormError.of(field.options().isEmpty() ? "required" : "choose-one") : null;
		}
		switch (field.type()) {
			case FormField.SELECT, FormField.RADIO -> {
				if (!isOption(field, value)) {
					return FormError.of("not-an-option");
				}
				answers.put(field.key(), value);
			}
			case FormField.NUMBER -> {
				BigDecimal number;
				try {
					number = new BigDecimal(value);
				}
				catch (NumberFormatException ex) {
					return FormError.of("not-a-number");
				}
				if (field.min() != null && number.compareTo(field.min()) < 0) {
					return FormError.of("min", field.min().toPlainString());
				}
				if (field.max() != null && number.compareTo(field.max()) > 0) {
					return FormError.of("max", field.max().toPlainString());
				}
				answers.put(field.key(), number);
			}
			case FormField.DATE -> {
				try {
					answers.put(field.key(), LocalDate.parse(value).toString());
				}
				catch (DateTimeParseException ex) {
					return FormError.of("not-a-date");
				}
			}
			default -> {
				FormError error = text(field, value);
				if (error != null) {
					return error;
				}
				answers.put(field.key(), value);
			}
		}
		return null;
	}

	private static FormError text(FormField field, String value) {
		int length = value.codePointCount(0, value.length());
		if (field.minLength() != null && length < field.minLength()) {
			return FormError.of("min-length", field.minLength());
		}
		int limit = (field.maxLength() != null) ? field.maxLength() : TEXT_LIMIT;
		if (length > limit) {
			return FormError.of("max-length", limit);
		}
		if (field.pattern() != null && !BoundedMatch.matches(Pattern.compile(field.pattern()), value, PATTERN_BUDGET)) {
			return FormError.of("pattern");
		}
		if ("email".equals(field.validationType()) && !EMAIL.matcher(value).matches()) {
			return FormError.of("email");
		}
		if ("phone".equals(field.validationType()) && !PHONE.matcher(value).matches()) {
			return FormError.of("phone");
		}
		return null;
	}

	private static boolean isOption(FormField field, String value) {
		return field.options().stream().anyMatch(option -> option.value().equals(value));
	}

}
