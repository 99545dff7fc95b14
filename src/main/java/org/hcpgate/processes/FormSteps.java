package org.hcpgate.processes;

/**
 * Reader steps whose form is a Camunda Form ({@code camunda:formRef}, or a form key
 * {@code camunda-forms:…}) on a task assigned to {@code ${readerId}}: the site renders
 * the form itself. Mirrored in docs/process-contract.md, "Reader steps from Camunda
 * Forms".
 */
public final class FormSteps {

	/** The step the site shows for such a task: {@code form:<task key>}. */
	public static final String STEP_PREFIX = "form:";

	/** The form key prefix Camunda uses for a Camunda Form named by key. */
	public static final String CAMUNDA_FORMS_KEY_PREFIX = "camunda-forms:";

	/** Ends the name of the variable that holds the answers' id. */
	static final String ANSWERS_ID_SUFFIX = "AnswersId";

	private FormSteps() {
	}

	public static String stepOf(String taskKey) {
		return STEP_PREFIX + taskKey;
	}

	public static boolean isFormStep(String step) {
		return step != null && step.startsWith(STEP_PREFIX);
	}

	/**
	 * The variable a form step writes with the id of the reader's answers: the task key
	 * in camelCase, then {@code AnswersId} ({@code upload-work-badge} →
	 * {@code uploadWorkBadgeAnswersId}).
	 */
	public static String answersVariable(String taskKey) {
		StringBuilder name = new StringBuilder();
		boolean upper = false;
		for (char c : taskKey.toCharArray()) {
			if (c == '-' || c == '_' || c == '.') {
				upper = name.length() > 0;
			}
			else {
				name.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return name + ANSWERS_ID_SUFFIX;
	}

}
