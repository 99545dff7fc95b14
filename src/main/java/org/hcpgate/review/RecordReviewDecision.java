package org.hcpgate.review;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.hcpgate.processes.HcpVerificationProcess;
import org.hcpgate.processes.ZoneAccessProcess;
import org.hcpgate.professions.ProfessionCatalogue;
import org.hcpgate.reasons.ReasonCatalogue;
import org.springframework.stereotype.Component;

/**
 * Complete listener of the staff tasks ({@code review-credentials},
 * {@code review-information}, {@code confirm-final-rejection}): refuses a decision the
 * form would not let through (a rejection without reasons, an unknown decision or reason
 * code, a task claimed by someone else), records who decided ({@code reviewedBy}) and
 * audits the decision in {@code review_decision}, all in the completing transaction. A
 * refusal fails the completion: the task stays open, nothing is recorded.
 */
@Component("recordReviewDecision")
public class RecordReviewDecision implements TaskListener {

	static final int MAX_NOTE_LENGTH = 2000;

	private static final List<String> CREDENTIAL_DECISIONS = List.of(HcpVerificationProcess.DECISION_APPROVED,
			HcpVerificationProcess.DECISION_REJECTED, HcpVerificationProcess.DECISION_REJECTED_FINAL);

	private static final List<String> INFORMATION_DECISIONS = List.of(HcpVerificationProcess.DECISION_APPROVED,
			HcpVerificationProcess.DECISION_REJECTED);

	/** Decisions audited for {@code confirm-final-rejection}. */
	static final String CONFIRMED = "confirmed";

	static final String OVERTURNED = "overturned";

	private final ReviewDecisionService decisions;

	private final ReasonCatalogue reasons;

	private final ProfessionCatalogue professions;

	public RecordReviewDecision(ReviewDecisionService decisions, ReasonCatalogue reasons,
			ProfessionCatalogue professions) {
		this.decisions = decisions;
		this.reasons = reasons;
		this.professions = professions;
	}

	@Override
	public void notify(DelegateTask task) {
		String decider = ReviewActors.decider(task);
		ReviewDecision decision = switch (task.getTaskDefinitionKey()) {
			case HcpVerificationProcess.TASK_REVIEW_CREDENTIALS -> credentials(task, decider);
			case ZoneAccessProcess.TASK_REVIEW_INFORMATION -> information(task, decider);
			case HcpVerificationProcess.TASK_CONFIRM_FINAL_REJECTION -> confirmation(task, decider);
			default ->
				throw new IllegalStateException("recordReviewDecision is not for " + task.getTaskDefinitionKey());
		};
		this.decisions.record(decision);
	}

	private ReviewDecision credentials(DelegateTask task, String decider) {
		String decision = decision(task, CREDENTIAL_DECISIONS);
		List<String> reasons = ReviewDecisionVariables
			.reasonCodes(task.getVariable(HcpVerificationProcess.VAR_REJECTION_REASONS));
		if (HcpVerificationProcess.DECISION_APPROVED.equals(decision)) {
			// reasons of an approval mean nothing; none reach the submission or the audit
			reasons = List.of();
			task.getExecution().removeVariable(HcpVerificationProcess.VAR_REJECTION_REASONS);
			requireKnownCorrection(task);
		}
		else {
			requireKnownReasons(reasons);
			// a correction goes only with an approval
			task.getExecution().removeVariable(HcpVerificationProcess.VAR_CORRECTED_TITLE);
		}
		String reviewNote = note(task, HcpVerificationProcess.VAR_REVIEW_NOTE);
		String internalNote = note(task, HcpVerificationProcess.VAR_INTERNAL_NOTE);
		task.getExecution().setVariable(HcpVerificationProcess.VAR_REVIEWED_BY, decider);
		return started(task, decision, decider)
			.about(readerId(task), longVariable(task, HcpVerificationProcess.VAR_SUBMISSION_ID), null, null,
					intVariable(task, HcpVerificationProcess.VAR_ATTEMPT))
			.because(reasons, reviewNote, internalNote);
	}

	private ReviewDecision information(DelegateTask task, String decider) {
		String decision = decision(task, INFORMATION_DECISIONS);
		String reviewNote = note(task, ZoneAccessProcess.VAR_REVIEW_NOTE);
		if (HcpVerificationProcess.DECISION_REJECTED.equals(decision) && (reviewNote == null || reviewNote.isBlank())) {
			throw new ReviewRefusedException(ReviewRefusal.NOTE_REQUIRED);
		}
		String internalNote = note(task, ZoneAccessProcess.VAR_INTERNAL_NOTE);
		return started(task, decision, decider)
			.about(readerId(task), null, longVariable(task, ZoneAccessProcess.VAR_ANSWER_SET_ID),
					(String) task.getVariable(ZoneAccessProcess.VAR_ZONE_KEY), null)
			.because(List.of(), reviewNote, internalNote);
	}

	private ReviewDecision confirmation(DelegateTask task, String decider) {
		Object value = task.getVariable(HcpVerificationProcess.VAR_FINAL_REJECTION_CONFIRMED);
		Boolean confirmed = (value instanceof Boolean b) ? b
				: ("true".equals(value) ? Boolean.TRUE : ("false".equals(value) ? Boolean.FALSE : null));
		if (confirmed == null) {
			throw new ReviewRefusedException(ReviewRefusal.CONFIRMATION_REQUIRED);
		}
		// the gateway reads a Boolean, whatever a REST caller sent
		task.getExecution().setVariable(HcpVerificationProcess.VAR_FINAL_REJECTION_CONFIRMED, confirmed);
		String note = note(task, HcpVerificationProcess.VAR_CONFIRMATION_NOTE);
		return started(task, confirmed ? CONFIRMED : OVERTURNED, decider)
			.about(readerId(task), longVariable(task, HcpVerificationProcess.VAR_SUBMISSION_ID), null, null,
					intVariable(task, HcpVerificationProcess.VAR_ATTEMPT))
			.because(
					ReviewDecisionVariables.reasonCodes(task.getVariable(HcpVerificationProcess.VAR_REJECTION_REASONS)),
					null, note);
	}

	private static String decision(DelegateTask task, List<String> allowed) {
		Object decision = task.getVariable(HcpVerificationProcess.VAR_DECISION);
		if (!(decision instanceof String value) || !allowed.contains(value)) {
			throw new ReviewRefusedException(ReviewRefusal.DECISION_UNKNOWN, String.valueOf(decision),
					String.join(", ", allowed));
		}
		return value;
	}

	/**
	 * A correction of profession and title, if the reviewer made one, names an active
	 * profession and one of its titles.
	 */
	private void requireKnownCorrection(DelegateTask task) {
		Object value = task.getVariable(HcpVerificationProcess.VAR_CORRECTED_TITLE);
		if (value == null || value.toString().isBlank()) {
			task.getExecution().removeVariable(HcpVerificationProcess.VAR_CORRECTED_TITLE);
			return;
		}
		TitleCorrection.parse(value.toString())
			.filter(correction -> this.professions.findActive(correction.profession()).isPresent()
					&& this.professions.isTitleOf(correction.profession(), correction.title()))
			.orElseThrow(() -> new ReviewRefusedException(ReviewRefusal.CORRECTION_UNKNOWN, value));
	}

	/** Reasons are required, and each must be an active code of the catalogue. */
	private void requireKnownReasons(List<String> reasons) {
		if (reasons.isEmpty()) {
			throw new ReviewRefusedException(ReviewRefusal.REASONS_REQUIRED);
		}
		for (String code : reasons) {
			if (!this.reasons.isActive(code)) {
				throw new ReviewRefusedException(ReviewRefusal.REASON_UNKNOWN, code);
			}
		}
	}

	private static String note(DelegateTask task, String name) {
		Object note = task.getVariable(name);
		String text = (note == null) ? null : note.toString();
		if (text != null && text.length() > MAX_NOTE_LENGTH) {
			throw new ReviewRefusedException(ReviewRefusal.NOTE_TOO_LONG, name, MAX_NOTE_LENGTH);
		}
		return text;
	}

	private static ReviewDecision started(DelegateTask task, String decision, String decider) {
		return new ReviewDecision(task.getId(), task.getTaskDefinitionKey(), task.getProcessInstanceId(),
				task.getCreateTime().toInstant(), decision, decider);
	}

	private static String readerId(DelegateTask task) {
		Object readerId = task.getVariable(HcpVerificationProcess.VAR_READER_ID);
		return (readerId != null) ? readerId.toString() : null;
	}

	private static Long longVariable(DelegateTask task, String name) {
		return (task.getVariable(name) instanceof Number n) ? n.longValue() : null;
	}

	private static Integer intVariable(DelegateTask task, String name) {
		return (task.getVariable(name) instanceof Number n) ? n.intValue() : null;
	}

}
