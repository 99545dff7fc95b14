package org.hcpgate.processes;

/**
 * Keys of {@code processes/hcp-verification.bpmn}; mirrored in docs/process-contract.md.
 */
public final class HcpVerificationProcess {

	public static final String KEY = "hcp-verification";

	public static final String TASK_SUBMIT_CREDENTIALS = "submit-credentials";

	public static final String TASK_RESUBMIT_CREDENTIALS = "resubmit-credentials";

	public static final String TASK_REVIEW_CREDENTIALS = "review-credentials";

	/** Four-eyes: a lead confirms or overturns a reviewer's {@code rejected-final}. */
	public static final String TASK_CONFIRM_FINAL_REJECTION = "confirm-final-rejection";

	public static final String VAR_READER_ID = "readerId";

	public static final String VAR_SUBMISSION_ID = "submissionId";

	/**
	 * String: the profession code of the submission ({@code doctor},
	 * {@code pharmacist}…), written with {@code submissionId} by each (re)submission: a
	 * routing fact for the decision {@code review-group}, nothing else of the submission.
	 */
	public static final String VAR_PROFESSION = "profession";

	/**
	 * String: the zone whose journey started the verification (call activity
	 * {@code verify-hcp}), an input of the decisions {@code review-group} and
	 * {@code resubmission-policy}.
	 */
	public static final String VAR_ZONE_KEY = "zoneKey";

	public static final String VAR_ATTEMPT = "attempt";

	public static final String VAR_DECISION = "decision";

	public static final String VAR_REJECTION_REASONS = "rejectionReasons";

	/**
	 * Task-local variable of {@code review-credentials}: the active rejection reasons as
	 * the form's checklist options ({@code valuesKey}), written when the task opens.
	 */
	public static final String VAR_REJECTION_REASON_OPTIONS = "rejectionReasonOptions";

	/**
	 * Of {@code review-credentials}, optional, only with an approval: the reviewer's
	 * correction of the reader's profession and title, {@code <profession code>/<title>}
	 * from the catalogue.
	 */
	public static final String VAR_CORRECTED_TITLE = "correctedTitle";

	/**
	 * Task-local variable of {@code review-credentials}: every profession's titles as the
	 * options of {@link #VAR_CORRECTED_TITLE}, written when the task opens.
	 */
	public static final String VAR_TITLE_CORRECTION_OPTIONS = "titleCorrectionOptions";

	public static final String VAR_REVIEW_NOTE = "reviewNote";

	/** The reviewer's note for staff only; the reader never sees it. */
	public static final String VAR_INTERNAL_NOTE = "internalNote";

	/** Staff user id of whoever completed the last {@code review-credentials}. */
	public static final String VAR_REVIEWED_BY = "reviewedBy";

	/** Outcome of {@code confirm-final-rejection}: true confirms, false overturns. */
	public static final String VAR_FINAL_REJECTION_CONFIRMED = "finalRejectionConfirmed";

	/** The lead's note on {@code confirm-final-rejection}, for staff only. */
	public static final String VAR_CONFIRMATION_NOTE = "confirmationNote";

	/**
	 * Task-local flag set on a review whose {@code review-overdue} timer fired (filter
	 * 超时).
	 */
	public static final String VAR_OVERDUE = "overdue";

	public static final String DECISION_APPROVED = "approved";

	public static final String DECISION_REJECTED = "rejected";

	public static final String DECISION_REJECTED_FINAL = "rejected-final";

	public static final String REVOCATION_PROCESS_KEY = "verification-revocation";

	public static final String MESSAGE_VERIFICATION_REVOKED = "verification-revoked";

	public static final String VAR_REVOCATION_REASON = "revocationReason";

	public static final String TASK_REVOKE_VERIFICATION = "revoke-verification";

	/** A review lead lifts a final rejection: message start, business key = reader id. */
	public static final String REOPENING_PROCESS_KEY = "verification-reopening";

	public static final String MESSAGE_VERIFICATION_REOPENED = "verification-reopened";

	public static final String TASK_REOPEN_VERIFICATION = "reopen-verification";

	/**
	 * Who reopened, when the site (a staff page) correlates the message for a signed-in
	 * lead.
	 */
	public static final String VAR_REOPENED_BY = "reopenedBy";

	public static final String END_VERIFIED = "verified";

	public static final String END_REJECTED_FINAL = "rejected-final";

	public static final String END_ABANDONED = "abandoned";

	private HcpVerificationProcess() {
	}

}
