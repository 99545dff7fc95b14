package org.hcpgate.review;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who acts on a staff task: the engine's authenticated user (Tasklist, REST), else its
 * assignee.
 */
final class ReviewActors {

	private ReviewActors() {
	}

	static String authenticatedUser(DelegateTask task) {
		Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		return (authentication != null) ? authentication.getUserId() : null;
	}

	/**
	 * Who decides the task now being completed. A claimed task is decided by its assignee
	 * only: a colleague who completes it (REST, or a stale Tasklist tab) is refused, so
	 * two people never decide one task.
	 * @return the user id, or {@code null} when neither is known (server code, tests)
	 * @throws ReviewRefusedException when the task is claimed by someone else
	 */
	static String decider(DelegateTask task) {
		String user = authenticatedUser(task);
		String assignee = task.getAssignee();
		if (user == null) {
			return assignee;
		}
		if (assignee != null && !assignee.equals(user)) {
			throw new ReviewRefusedException(ReviewRefusal.CLAIMED_BY_OTHER, assignee);
		}
		return user;
	}

}
