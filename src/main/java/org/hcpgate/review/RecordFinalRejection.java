package org.hcpgate.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hcpgate.processes.HcpVerificationProcess;
import org.springframework.stereotype.Component;

/** Service task {@code record-final-rejection} of {@value HcpVerificationProcess#KEY}. */
@Component("recordFinalRejection")
public class RecordFinalRejection implements JavaDelegate {

	private final ReviewService reviews;

	public RecordFinalRejection(ReviewService reviews) {
		this.reviews = reviews;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.reviews.recordFinalRejection(ReviewDecisionVariables.of(execution));
	}

}
