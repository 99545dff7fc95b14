package org.hcpgate.review;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.hcpgate.processes.HcpVerificationProcess;
import org.hcpgate.processes.StaffGroups;
import org.springframework.stereotype.Component;

/**
 * Bean {@code reviewAssignment}, the assignee expression of {@code review-credentials}: a
 * resubmission goes back to the reviewer who sent it back, who knows the case, as long as
 * that reviewer still exists and is in {@link StaffGroups#REVIEWERS}; anything else (a
 * first submission, a review after a lead overturned a final rejection, a reviewer who
 * left) goes to the group only.
 */
@Component("reviewAssignment")
public class ReviewAssignment {

	/**
	 * The reviewer of the last round if it was a retryable rejection and they are
	 * available, else null.
	 */
	public String returningReviewer(DelegateExecution execution) {
		if (!HcpVerificationProcess.DECISION_REJECTED
			.equals(execution.getVariable(HcpVerificationProcess.VAR_DECISION))) {
			return null;
		}
		if (!(execution.getVariable(HcpVerificationProcess.VAR_REVIEWED_BY) instanceof String reviewer)) {
			return null;
		}
		IdentityService identity = execution.getProcessEngineServices().getIdentityService();
		// whoever moves the process on (a reader, a job) need not be allowed to read
		// staff
		boolean available = Context.getCommandContext()
			.runWithoutAuthorization(
					() -> identity.createUserQuery().userId(reviewer).memberOfGroup(StaffGroups.REVIEWERS).count() > 0);
		return available ? reviewer : null;
	}

}
