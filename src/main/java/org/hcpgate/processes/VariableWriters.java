package org.hcpgate.processes;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who writes which process variable, spelled once: the model check (a model that reads a
 * variable nobody writes is refused), the staff listeners (a new round clears what the
 * last one's form wrote) and the engine guard (what a staff member may send with a
 * message or start a process with) read these lists. Forms write their own fields;
 * designers' form steps write their answers' id and routing fields (see
 * {@link FormSteps}).
 */
public final class VariableWriters {

	/** The site's built-in reader steps, by task key, and what completing each writes. */
	public static final Map<String, List<String>> SITE_STEPS = Map.of(
			ZoneAccessProcess.TASK_ACCEPT_AGREEMENT, List.of(ZoneAccessProcess.VAR_AGREEMENT_ACCEPTED),
			ZoneAccessProcess.TASK_INFORMED_CONSENT, List.of(ZoneAccessProcess.VAR_INFORMED_CONSENT_GIVEN),
			HcpVerificationProcess.TASK_SUBMIT_CREDENTIALS, List.of(HcpVerificationProcess.VAR_SUBMISSION_ID,
					HcpVerificationProcess.VAR_ATTEMPT, HcpVerificationProcess.VAR_PROFESSION),
			HcpVerificationProcess.TASK_RESUBMIT_CREDENTIALS,
			List.of(HcpVerificationProcess.VAR_SUBMISSION_ID, HcpVerificationProcess.VAR_ATTEMPT,
					HcpVerificationProcess.VAR_PROFESSION),
			ZoneAccessProcess.TASK_ANSWER_QUESTIONS, List.of(ZoneAccessProcess.VAR_ANSWER_SET_ID));

	/**
	 * The variables each process starts with, by key; any other process gets the reader.
	 */
	public static final Map<String, List<String>> PROCESS_STARTS = Map.of(ZoneAccessProcess.KEY,
			List.of(ZoneAccessProcess.VAR_READER_ID, ZoneAccessProcess.VAR_ZONE_KEY),
			HcpVerificationProcess.REVOCATION_PROCESS_KEY, List.of(HcpVerificationProcess.VAR_REVOCATION_REASON),
			HcpVerificationProcess.REOPENING_PROCESS_KEY, List.of(HcpVerificationProcess.VAR_REOPENED_BY));

	/**
	 * The variables a staff member may start a process with (REST {@code start} and
	 * {@code submit-form} of a process definition, Cockpit, the Java API), by process
	 * key: a revocation's reason, nothing else. The reader is the business key.
	 */
	public static final Map<String, Set<String>> STAFF_STARTS = Map.of(HcpVerificationProcess.REVOCATION_PROCESS_KEY,
			Set.of(HcpVerificationProcess.VAR_REVOCATION_REASON), HcpVerificationProcess.REOPENING_PROCESS_KEY,
			Set.of());

	/** What the listener beans write, by bean name. */
	public static final Map<String, List<String>> LISTENERS = Map.of("recordReviewDecision",
			List.of(HcpVerificationProcess.VAR_REVIEWED_BY), "openReviewRound",
			List.of(HcpVerificationProcess.VAR_REJECTION_REASON_OPTIONS,
					HcpVerificationProcess.VAR_TITLE_CORRECTION_OPTIONS),
			"escalateReview", List.of(HcpVerificationProcess.VAR_OVERDUE));

	/** What the staff tasks' forms write, by task key: one review round's decision. */
	public static final Map<String, List<String>> STAFF_FORMS = Map.of(
			HcpVerificationProcess.TASK_REVIEW_CREDENTIALS, List.of(HcpVerificationProcess.VAR_DECISION,
					HcpVerificationProcess.VAR_REJECTION_REASONS, HcpVerificationProcess.VAR_REVIEW_NOTE,
					HcpVerificationProcess.VAR_INTERNAL_NOTE, HcpVerificationProcess.VAR_CORRECTED_TITLE),
			ZoneAccessProcess.TASK_REVIEW_INFORMATION,
			List.of(ZoneAccessProcess.VAR_DECISION, ZoneAccessProcess.VAR_REVIEW_NOTE,
					ZoneAccessProcess.VAR_INTERNAL_NOTE),
			HcpVerificationProcess.TASK_CONFIRM_FINAL_REJECTION,
			List.of(HcpVerificationProcess.VAR_FINAL_REJECTION_CONFIRMED,
					HcpVerificationProcess.VAR_CONFIRMATION_NOTE));

	/**
	 * The variables a staff member may send with a message (REST {@code POST /message}),
	 * by message: a revocation's reason, nothing else. Identity comes from the business
	 * key.
	 */
	public static final Map<String, Set<String>> STAFF_MESSAGES = Map.of(
			HcpVerificationProcess.MESSAGE_VERIFICATION_REVOKED, Set.of(HcpVerificationProcess.VAR_REVOCATION_REASON),
			HcpVerificationProcess.MESSAGE_VERIFICATION_REOPENED, Set.of());

	/**
	 * The results of the shipped models' business rule tasks: written by the process from
	 * a decision.
	 */
	private static final List<String> DECISION_RESULTS = List.of("maxAttempts", "resubmissionTimeout", "reviewGroup",
			"needsInformationReview");

	/**
	 * The process's own variables: identity, routing and bookkeeping that the process,
	 * its listeners, its decisions and the site write. No form writes one: the model
	 * check refuses a staff form's field or a reader form's routing field keyed so, and
	 * the engine guard refuses them to staff whatever the deployed form says. Also every
	 * reader form step's answers id ({@code …AnswersId}, see {@link #isProcessOwned}).
	 */
	public static final Set<String> PROCESS_OWNED = processOwned();

	/** Whether a form may not write this variable (see {@link #PROCESS_OWNED}). */
	public static boolean isProcessOwned(String name) {
		return PROCESS_OWNED.contains(name) || name.endsWith(FormSteps.ANSWERS_ID_SUFFIX);
	}

	private static Set<String> processOwned() {
		Set<String> names = new TreeSet<>();
		SITE_STEPS.values().forEach(names::addAll);
		PROCESS_STARTS.values().forEach(names::addAll);
		LISTENERS.values().forEach(names::addAll);
		names.addAll(DECISION_RESULTS);
		names.addAll(List.of(ZoneAccessProcess.VAR_READER_ID, ZoneAccessProcess.VAR_ZONE_KEY,
				HcpVerificationProcess.VAR_REVIEWED_BY));
		return Set.copyOf(names);
	}

	private VariableWriters() {
	}

}
