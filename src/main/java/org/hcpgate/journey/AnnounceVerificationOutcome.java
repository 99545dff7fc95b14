package org.hcpgate.journey;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.hcpgate.processes.HcpVerificationProcess;
import org.springframework.stereotype.Component;

/**
 * End listener of {@code hcp-verification}: wakes the zone journeys that joined this
 * verification instead of starting their own (message {@code verification-completed}).
 */
@Component("announceVerificationOutcome")
public class AnnounceVerificationOutcome implements ExecutionListener {

	private final JourneyEngine verification;

	public AnnounceVerificationOutcome(JourneyEngine verification) {
		this.verification = verification;
	}

	@Override
	public void notify(DelegateExecution execution) {
		this.verification
			.announceVerificationEnded((String) execution.getVariable(HcpVerificationProcess.VAR_READER_ID));
	}

}
