package org.hcpgate.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hcpgate.processes.HcpVerificationProcess;
import org.springframework.stereotype.Component;

/**
 * Service task {@code revoke-verification} of {@code verification-revocation}, started by
 * message {@code verification-revoked} with the reader id as business key (or variable).
 */
@Component("revokeVerification")
public class RevokeVerification implements JavaDelegate {

	private final ReviewService reviews;

	public RevokeVerification(ReviewService reviews) {
		this.reviews = reviews;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.reviews.revokeVerification(readerId(execution));
	}

	private static String readerId(DelegateExecution execution) {
		Object readerId = execution.getVariable(HcpVerificationProcess.VAR_READER_ID);
		return (readerId != null) ? readerId.toString() : execution.getProcessBusinessKey();
	}

}
