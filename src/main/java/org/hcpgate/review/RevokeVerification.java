package org.hcpgate.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hcpgate.processes.HcpVerificationProcess;
import org.springframework.stereotype.Component;

/**
 * Service task {@code revoke-verification} of {@code verification-revocation}, started by
 * message {@code verification-revoked} (or a start of the process) with the reader id as
 * business key, the only place the reader is taken from. Audited like a reopening: one
 * {@code review_decision} row naming who started it.
 */
@Component("revokeVerification")
public class RevokeVerification implements JavaDelegate {

	private final ReviewService reviews;

	public RevokeVerification(ReviewService reviews) {
		this.reviews = reviews;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// the reader is the business key, never a variable: a start's variables may be
		// anyone's (StaffChanges refuses staff's, the delegate trusts none)
		String readerId = execution.getProcessBusinessKey();
		if (readerId == null || readerId.isBlank()) {
			throw new IllegalStateException("A revocation names its reader by the business key");
		}
		Object reason = execution.getVariable(HcpVerificationProcess.VAR_REVOCATION_REASON);
		this.reviews.revokeVerification(readerId, (reason != null) ? reason.toString() : null,
				execution.getProcessInstanceId());
	}

}
