package org.hcpgate.processes;

/**
 * Keys of {@code processes/zone-access.bpmn}; mirrored in docs/process-contract.md. One
 * instance is one reader's journey into one zone.
 */
public final class ZoneAccessProcess {

	public static final String KEY = "zone-access";

	public static final String TASK_ACCEPT_AGREEMENT = "accept-agreement";

	public static final String TASK_INFORMED_CONSENT = "informed-consent";

	public static final String TASK_ANSWER_QUESTIONS = "answer-questions";

	public static final String TASK_REVIEW_INFORMATION = "review-information";

	/** Message a zone journey waits for while another journey's verification runs. */
	public static final String MESSAGE_VERIFICATION_COMPLETED = "verification-completed";

	public static final String VAR_READER_ID = "readerId";

	public static final String VAR_ZONE_KEY = "zoneKey";

	public static final String VAR_AGREEMENT_ACCEPTED = "agreementAccepted";

	public static final String VAR_INFORMED_CONSENT_GIVEN = "informedConsentGiven";

	public static final String VAR_ANSWER_SET_ID = "answerSetId";

	/** Outcome of {@code review-information}: {@code approved} or {@code rejected}. */
	public static final String VAR_DECISION = "decision";

	public static final String VAR_REVIEW_NOTE = "reviewNote";

	/**
	 * Staff's note on {@code review-information} for staff only; the reader never sees
	 * it.
	 */
	public static final String VAR_INTERNAL_NOTE = "internalNote";

	public static final String END_ACCESS_GRANTED = "access-granted";

	public static final String END_AGREEMENT_REFUSED = "agreement-refused";

	public static final String END_VERIFICATION_FAILED = "verification-failed";

	public static final String END_ABANDONED = "abandoned";

	/** Reader tasks carry form key {@code site:<step>}; the site renders that step. */
	public static final String SITE_FORM_KEY_PREFIX = "site:";

	private static final String BUSINESS_KEY_SEPARATOR = ":";

	private ZoneAccessProcess() {
	}

	/** The business key of a reader's journey into a zone: {@code readerId:zoneKey}. */
	public static String businessKey(String readerId, String zoneKey) {
		return readerId + BUSINESS_KEY_SEPARATOR + zoneKey;
	}

	/**
	 * A LIKE pattern for the business keys of all the reader's journeys, in every zone.
	 */
	public static String businessKeysOf(String readerId) {
		return readerId + BUSINESS_KEY_SEPARATOR + "%";
	}

	/** The zone of a journey's business key. */
	public static String zoneKeyOf(String businessKey) {
		return businessKey.substring(businessKey.indexOf(BUSINESS_KEY_SEPARATOR) + BUSINESS_KEY_SEPARATOR.length());
	}

	/**
	 * The step a reader task shows, from its form key; null for a task the site does not
	 * render.
	 */
	public static String siteStepOf(String formKey) {
		return (formKey != null && formKey.startsWith(SITE_FORM_KEY_PREFIX))
				? formKey.substring(SITE_FORM_KEY_PREFIX.length()) : null;
	}

}
