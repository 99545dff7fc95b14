package org.hcpgate.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hcpgate.processes.ZoneAccessProcess;
import org.springframework.stereotype.Component;

/**
 * Service task {@code record-information-rejection} of {@code zone-access}: puts the
 * staff's note on the answers, for the reader who answers again.
 */
@Component("recordInformationRejection")
public class RecordInformationRejection implements JavaDelegate {

	private final ReviewService reviews;

	public RecordInformationRejection(ReviewService reviews) {
		this.reviews = reviews;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Number answerSetId = (Number) execution.getVariable(ZoneAccessProcess.VAR_ANSWER_SET_ID);
		this.reviews.recordInformationDecision(execution.getProcessBusinessKey(), answerSetId.longValue(),
				(String) execution.getVariable(ZoneAccessProcess.VAR_DECISION),
				(String) execution.getVariable(ZoneAccessProcess.VAR_REVIEW_NOTE));
	}

}
