package org.hcpgate.journey;

import java.util.Optional;

import org.hcpgate.consent.Consent.Document;
import org.hcpgate.processes.ZoneAccessProcess;
import org.hcpgate.zones.Zone;

/**
 * The journey's two consent steps: the same page rhythm (two buttons, one recorded
 * decision), a different document, task, variable and pair of choices.
 */
public enum ConsentStep {

	/** 同意 / 拒绝: refusing ends the journey. */
	AGREEMENT("agreement", ZoneAccessProcess.TASK_ACCEPT_AGREEMENT, ZoneAccessProcess.VAR_AGREEMENT_ACCEPTED,
			Document.AGREEMENT, "refuse"),

	/** 同意 / 不同意并跳过: both go on, the choice is recorded. */
	INFORMED_CONSENT("informed-consent", ZoneAccessProcess.TASK_INFORMED_CONSENT,
			ZoneAccessProcess.VAR_INFORMED_CONSENT_GIVEN, Document.INFORMED_CONSENT, "skip");

	static final String AGREE = "agree";

	private final String path;

	private final String taskKey;

	private final String variable;

	private final Document document;

	private final String declineChoice;

	ConsentStep(String path, String taskKey, String variable, Document document, String declineChoice) {
		this.path = path;
		this.taskKey = taskKey;
		this.variable = variable;
		this.document = document;
		this.declineChoice = declineChoice;
	}

	static Optional<ConsentStep> ofPath(String path) {
		for (ConsentStep step : values()) {
			if (step.path.equals(path)) {
				return Optional.of(step);
			}
		}
		return Optional.empty();
	}

	/**
	 * What the page's buttons mean: true for agreeing, false for declining, empty for any
	 * other value (a forged choice decides nothing).
	 */
	Optional<Boolean> agreed(String choice) {
		if (AGREE.equals(choice)) {
			return Optional.of(true);
		}
		return this.declineChoice.equals(choice) ? Optional.of(false) : Optional.empty();
	}

	int versionIn(Zone zone) {
		return (this == AGREEMENT) ? zone.getAgreementVersion() : zone.getInformedConsentVersion();
	}

	String taskKey() {
		return this.taskKey;
	}

	String variable() {
		return this.variable;
	}

	Document document() {
		return this.document;
	}

}
