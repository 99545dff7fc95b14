package org.hcpgate.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hcpgate.processes.HcpVerificationProcess;
import org.springframework.stereotype.Component;

/** Service task {@code record-verification} of {@value HcpVerificationProcess#KEY}. */
@Component("recordVerification")
public class RecordVerification implements JavaDelegate {

	private final ReviewService reviews;

	public RecordVerification(ReviewService reviews) {
		this.reviews = reviews;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.reviews.recordApproval(ReviewDecisionVariables.of(execution));
	}

}
