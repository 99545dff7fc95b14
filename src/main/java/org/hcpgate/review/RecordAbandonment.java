package org.hcpgate.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hcpgate.processes.HcpVerificationProcess;
import org.springframework.stereotype.Component;

/** Service task {@code record-abandonment} of {@value HcpVerificationProcess#KEY}. */
@Component("recordAbandonment")
public class RecordAbandonment implements JavaDelegate {

	private final ReviewService reviews;

	public RecordAbandonment(ReviewService reviews) {
		this.reviews = reviews;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.reviews.recordAbandonment((String) execution.getVariable(HcpVerificationProcess.VAR_READER_ID));
	}

}
