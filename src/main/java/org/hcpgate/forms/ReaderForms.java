package org.hcpgate.forms;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a Camunda Form (form-js JSON, as Camunda Modeler saves it) as a form the site can
 * render for a reader, or refuses it with a message that names the form, the field and
 * the component or property the site cannot render. The same check runs in the model
 * validation at deployment, so a reader never meets a form the site cannot show.
 */
public final class ReaderForms {

	/** Keys are process variable names when routed: a letter, then letters, digits, _. */
	static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

	/**
	 * Properties of form-js that need a form-js runtime (FEEL, templating, variables from
	 * the process): the site renders forms on the server and has none of them.
	 */
	static final List<String> RUNTIME_PROPERTIES = List.of("conditional", "valuesKey", "valuesExpression", "expression",
			"dataSource", "computeOn");

	private static final ObjectMapper JSON = new ObjectMapper();

	private ReaderForms() {
	}

	/**
	 * @param name the form's file or id, for messages
	 * @throws UnsupportedFormException when the site cannot render it for a reader
	 */
	public static ReaderForm parse(String name, byte[] json) {
		JsonNode root;
		try {
			root = JSON.readTree(json);
		}
		catch (IOException ex) {
			throw new UnsupportedFormException(
					"Form " + name + " is not a Camunda Form: its JSON does not parse (" + ex.getMessage() + ")");
		}
		if (root == null || !root.path("components").isArray()) {
			throw new UnsupportedFormException("Form " + name + " is not a Camunda Form: it has no components");
		}
		String id = root.path("id").asText(name);
		List<FormField> fields = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		for (JsonNode component : root.path("components")) {
			FormField field = field(id, component);
			if (field == null) {
				continue;
			}
			if (field.key() != null && !keys.add(field.key())) {
				throw new UnsupportedFormException("Form " + id + ": the key '" + field.key()
						+ "' is used by two fields; each answer needs its own");
			}
			fields.add(field);
		}
		if (fields.stream().noneMatch(FormField::isInput)) {
			throw new UnsupportedFormException("Form " + id + " asks the reader nothing: it has no input field");
		}
		return new ReaderForm(id, List.copyOf(fields));
	}

	private static FormField field(String form, JsonNode component) {
		String type = component.path("type").asText("");
		String where = "Form " + form + ", field '" + component.path("key").asText(component.path("id").asText("?"))
				+ "' (" + type + ")";
		if ("button".equals(type)) {
			// the site has its own submit button
			return null;
		}
		if (!FormField.INPUTS.contains(type) && !FormField.DISPLAYS.contains(type)) {
			throw new UnsupportedFormException(
					where + ": the site cannot render the component '" + type + "' for a reader; it renders "
							+ String.join(", ", FormField.INPUTS) + ", " + String.join(", ", FormField.DISPLAYS));
		}
		for (String property : RUNTIME_PROPERTIES) {
			if (component.has(property)) {
				throw new UnsupportedFormException(where + ": '" + property
						+ "' needs form-js at run time, which a reader's page does not have; remove it");
			}
		}
		JsonNode properties = component.path("properties");
		boolean routing = properties.path("routing").asText("false").equals("true");
		String key = null;
		if (FormField.INPUTS.contains(type)) {
			key = component.path("key").asText(null);
			if (key == null || !KEY.matcher(key).matches()) {
				throw new UnsupportedFormException(
						where + ": the key must start with a letter and hold only letters, digits and _");
			}
		}
		if (routing && !FormField.ROUTABLE.contains(type)) {
			throw new UnsupportedFormException(where + ": only " + String.join(", ", FormField.ROUTABLE)
					+ " may be routing fields: other answers are personal and stay out of the process");
		}
		if (FormField.DATE.equals(type) && !"date".equals(component.path("subtype").asText("date"))) {
			throw new UnsupportedFormException(
					where + ": only the subtype 'date' is rendered, not '" + component.path("subtype").asText() + "'");
		}
		if (FormField.DOCUMENT.equals(type) && component.path("multiple").asBoolean(false)) {
			throw new UnsupportedFormException(where + ": one document per field; switch 'multiple' off");
		}
		String label = textOf(where, component, FormField.DATE.equals(type) ? "dateLabel" : "label");
		String text = textOf(where, component, "text");
		if (text != null && text.contains("{{")) {
			throw new UnsupportedFormException(
					where + ": a reader's form has no variables to fill '{{ … }}' with; write the text out");
		}
		String source = component.path("source").asText(null);
		if (FormField.IMAGE.equals(type) && (source == null
				|| !(source.startsWith("/") && !source.startsWith("//") || source.startsWith("data:image/")))) {
			throw new UnsupportedFormException(where
					+ ": an image's source must be a path of this site (/img/…) or a data:image URI; other sites' images are blocked");
		}
		JsonNode validate = component.path("validate");
		String pattern = validate.path("pattern").asText(null);
		if (pattern != null) {
			try {
				Pattern.compile(pattern);
			}
			catch (PatternSyntaxException ex) {
				throw new UnsupportedFormException(where + ": the pattern does not compile: " + ex.getDescription());
			}
		}
		List<FormOption> options = new ArrayList<>();
		for (JsonNode value : component.path("values")) {
			options.add(new FormOption(value.path("value").asText(), FormText.of(value.path("label").asText())));
		}
		if (List.of(FormField.SELECT, FormField.RADIO, FormField.CHECKLIST).contains(type) && options.isEmpty()) {
			throw new UnsupportedFormException(where + ": it needs its options written in the form (static values)");
		}
		FormText described = FormText.of(textOf(where, component, "description"));
		FormText shown = FormField.TEXT.equals(type) ? FormText.of(text, properties.path("en").asText(null))
				: FormText.of(component.path("alt").asText(null));
		return new FormField(type, key, FormText.of(label), described, shown, source,
				validate.path("required").asBoolean(false), intOf(validate, "minLength"), intOf(validate, "maxLength"),
				pattern, decimalOf(validate, "min"), decimalOf(validate, "max"),
				validate.path("validationType").asText(null), List.copyOf(options), routing);
	}

	private static String textOf(String where, JsonNode component, String property) {
		String value = component.path(property).asText(null);
		if (value != null && value.startsWith("=")) {
			throw new UnsupportedFormException(
					where + ": the " + property + " is a FEEL expression; a reader's form takes plain text");
		}
		return value;
	}

	private static Integer intOf(JsonNode validate, String property) {
		return validate.path(property).isNumber() ? validate.path(property).asInt() : null;
	}

	private static BigDecimal decimalOf(JsonNode validate, String property) {
		return validate.path(property).isNumber() ? validate.path(property).decimalValue() : null;
	}

}
