package org.hcpgate.review;

import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.hcpgate.processes.HcpVerificationProcess;
import org.hcpgate.processes.StaffGroups;
import org.springframework.stereotype.Component;

/**
 * Service task {@code reopen-verification} of {@code verification-reopening}: a review
 * lead lifts a reader's final rejection (business key = reader id). Runs in the lead's
 * own call, so the lead is the engine's authenticated user (REST, Tasklist, Cockpit); a
 * server-side caller (a staff page) names the signed-in lead in {@code reopenedBy}, which
 * no staff member can send (StaffChanges refuses message payloads). Anyone else is
 * refused.
 */
@Component("reopenVerification")
public class ReopenVerification implements JavaDelegate {

	private final ReviewService reviews;

	public ReopenVerification(ReviewService reviews) {
		this.reviews = reviews;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Authentication staff = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		String lead;
		if (staff != null && staff.getUserId() != null) {
			boolean mayReopen = staff.getGroupIds() != null && (staff.getGroupIds().contains(StaffGroups.REVIEW_LEADS)
					|| staff.getGroupIds().contains(Groups.CAMUNDA_ADMIN));
			if (!mayReopen) {
				throw new ReviewRefusedException(ReviewRefusal.CONFIRMER_UNKNOWN);
			}
			lead = staff.getUserId();
		}
		else {
			lead = (String) execution.getVariable(HcpVerificationProcess.VAR_REOPENED_BY);
		}
		if (lead == null) {
			throw new ReviewRefusedException(ReviewRefusal.CONFIRMER_UNKNOWN);
		}
		this.reviews.reopenVerification(execution.getProcessBusinessKey(), lead, execution.getProcessInstanceId());
	}

}
