package org.hcpgate.review;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

import org.hcpgate.processes.RejectionReason;

/**
 * Why a staff decision was refused. Each has a text in both languages
 * ({@code review.refused.*} in the message bundles); the refusal reaches Tasklist and
 * REST callers as the engine's error message, so it carries both, with its code first.
 */
public enum ReviewRefusal {

	/** The decision is none of the values the task's form offers. */
	DECISION_UNKNOWN("decision-unknown"),
	/** {@code rejected} or {@code rejected-final} without a reason code. */
	REASONS_REQUIRED("reasons-required"),
	/** A reason code that is not in {@link RejectionReason}. */
	REASON_UNKNOWN("reason-unknown"),
	/** An information review sent back without telling the reader what to change. */
	NOTE_REQUIRED("note-required"),
	/** A note longer than the audit table keeps. */
	NOTE_TOO_LONG("note-too-long"),
	/** The task is claimed by another staff member. */
	CLAIMED_BY_OTHER("claimed-by-other"),
	/** Four-eyes: the reviewer who decided {@code rejected-final} cannot confirm it. */
	SAME_REVIEWER("same-reviewer"),
	/** A final rejection can only be confirmed by a known, signed-in lead. */
	CONFIRMER_UNKNOWN("confirmer-unknown"),
	/** {@code finalRejectionConfirmed} is neither true nor false. */
	CONFIRMATION_REQUIRED("confirmation-required"),
	/** Someone else decided the same task in the meantime. */
	DECIDED_MEANWHILE("decided-meanwhile");

	private final String code;

	ReviewRefusal(String code) {
		this.code = code;
	}

	public String getCode() {
		return this.code;
	}

	public String getMessageKey() {
		return "review.refused." + this.code;
	}

	/** {@code [code] 中文 / English}, with {@code arguments} filled in. */
	String message(Object... arguments) {
		return "[" + this.code + "] " + text(Locale.ROOT, arguments) + " / " + text(Locale.ENGLISH, arguments);
	}

	private String text(Locale locale, Object... arguments) {
		ResourceBundle bundle = ResourceBundle.getBundle("messages", locale,
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
		return new MessageFormat(bundle.getString(getMessageKey()), locale).format(arguments);
	}

}
