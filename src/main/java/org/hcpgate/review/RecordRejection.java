package org.hcpgate.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hcpgate.processes.HcpVerificationProcess;
import org.springframework.stereotype.Component;

/** Service task {@code record-rejection} of {@value HcpVerificationProcess#KEY}. */
@Component("recordRejection")
public class RecordRejection implements JavaDelegate {

	private final ReviewService reviews;

	public RecordRejection(ReviewService reviews) {
		this.reviews = reviews;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.reviews.recordRejection(ReviewDecisionVariables.of(execution));
	}

}
