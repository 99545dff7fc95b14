package org.hcpgate.review;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.hcpgate.processes.HcpVerificationProcess;
import org.hcpgate.processes.ZoneAccessProcess;
import org.springframework.stereotype.Component;

/**
 * Create listener of the staff tasks: a new round starts blank. The variables the task's
 * form writes are removed from the instance, so the form does not open prefilled with the
 * previous round's decision, and a REST caller who leaves one out cannot complete this
 * round with the last round's value. What earlier rounds decided stays in
 * {@code review_decision}, in the submission rows and in Camunda's history.
 */
@Component("openReviewRound")
public class OpenReviewRound implements TaskListener {

	static final Map<String, List<String>> FORM_VARIABLES = Map.of(HcpVerificationProcess.TASK_REVIEW_CREDENTIALS,
			List.of(HcpVerificationProcess.VAR_DECISION, HcpVerificationProcess.VAR_REJECTION_REASONS,
					HcpVerificationProcess.VAR_REVIEW_NOTE, HcpVerificationProcess.VAR_INTERNAL_NOTE),
			ZoneAccessProcess.TASK_REVIEW_INFORMATION,
			List.of(ZoneAccessProcess.VAR_DECISION, ZoneAccessProcess.VAR_REVIEW_NOTE,
					ZoneAccessProcess.VAR_INTERNAL_NOTE),
			HcpVerificationProcess.TASK_CONFIRM_FINAL_REJECTION,
			List.of(HcpVerificationProcess.VAR_FINAL_REJECTION_CONFIRMED,
					HcpVerificationProcess.VAR_CONFIRMATION_NOTE));

	@Override
	public void notify(DelegateTask task) {
		for (String name : FORM_VARIABLES.getOrDefault(task.getTaskDefinitionKey(), List.of())) {
			task.getExecution().removeVariable(name);
		}
	}

}
