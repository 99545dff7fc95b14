package org.hcpgate.review;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.hcpgate.processes.HcpVerificationProcess;
import org.springframework.stereotype.Component;

/**
 * Four-eyes on {@code confirm-final-rejection}: the reviewer who decided
 * {@code rejected-final} (variable {@code reviewedBy}) can neither claim nor be given the
 * confirmation (assignment event), nor complete it (complete event); nor can anyone
 * unknown complete it. A refusal fails the claim or completion; the task stays as it was.
 */
@Component("requireSecondReviewer")
public class RequireSecondReviewer implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		String reviewer = (String) task.getVariable(HcpVerificationProcess.VAR_REVIEWED_BY);
		if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
			String assignee = task.getAssignee();
			if (assignee != null && assignee.equals(reviewer)) {
				throw new ReviewRefusedException(ReviewRefusal.SAME_REVIEWER, assignee);
			}
		}
		else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
			String confirmer = ReviewActors.decider(task);
			if (confirmer == null) {
				throw new ReviewRefusedException(ReviewRefusal.CONFIRMER_UNKNOWN);
			}
			if (confirmer.equals(reviewer)) {
				throw new ReviewRefusedException(ReviewRefusal.SAME_REVIEWER, confirmer);
			}
		}
	}

}
