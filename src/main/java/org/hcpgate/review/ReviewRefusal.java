package org.hcpgate.review;

import org.hcpgate.processes.CodedMessage;
import org.hcpgate.processes.CodedRefusal;

/**
 * Why a staff decision was refused. Each has a text in both languages
 * ({@code review.refused.*} in the message bundles); the refusal reaches Tasklist and
 * REST callers as the engine's error message, so it carries both, with its code first.
 */
public enum ReviewRefusal {

	/** The decision is none of the values the task's form offers. */
	DECISION_UNKNOWN("decision-unknown", CodedRefusal.BAD_REQUEST),
	/** {@code rejected} or {@code rejected-final} without a reason code. */
	REASONS_REQUIRED("reasons-required", CodedRefusal.BAD_REQUEST),
	/**
	 * A reason code that is not an active code of the catalogue
	 * ({@link org.hcpgate.reasons.ReasonCatalogue}).
	 */
	REASON_UNKNOWN("reason-unknown", CodedRefusal.BAD_REQUEST),

	/** A correction of profession and title that is not in the catalogue. */
	CORRECTION_UNKNOWN("correction-unknown", CodedRefusal.BAD_REQUEST),
	/** An information review sent back without telling the reader what to change. */
	NOTE_REQUIRED("note-required", CodedRefusal.BAD_REQUEST),
	/** A note longer than the audit table keeps. */
	NOTE_TOO_LONG("note-too-long", CodedRefusal.BAD_REQUEST),
	/** The task is claimed by another staff member. */
	CLAIMED_BY_OTHER("claimed-by-other", CodedRefusal.CONFLICT),
	/** Four-eyes: the reviewer who decided {@code rejected-final} cannot confirm it. */
	SAME_REVIEWER("same-reviewer", CodedRefusal.FORBIDDEN),
	/** A final rejection can only be confirmed by a known, signed-in lead. */
	CONFIRMER_UNKNOWN("confirmer-unknown", CodedRefusal.FORBIDDEN),
	/** {@code finalRejectionConfirmed} is neither true nor false. */
	CONFIRMATION_REQUIRED("confirmation-required", CodedRefusal.BAD_REQUEST),
	/** Someone else decided the same task in the meantime. */
	DECIDED_MEANWHILE("decided-meanwhile", CodedRefusal.CONFLICT);

	private final String code;

	private final int httpStatus;

	ReviewRefusal(String code, int httpStatus) {
		this.code = code;
		this.httpStatus = httpStatus;
	}

	/** What a REST caller gets for this refusal. */
	public int getHttpStatus() {
		return this.httpStatus;
	}

	public String getCode() {
		return this.code;
	}

	public String getMessageKey() {
		return "review.refused." + this.code;
	}

	/** {@code [code] 中文 / English}, with {@code arguments} filled in. */
	String message(Object... arguments) {
		return CodedMessage.of(this.code, getMessageKey(), arguments);
	}

}
