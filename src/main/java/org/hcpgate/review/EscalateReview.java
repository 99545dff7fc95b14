package org.hcpgate.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code escalate-review}: reached by the non-interrupting timer
 * {@code review-overdue}.
 */
@Component("escalateReview")
public class EscalateReview implements JavaDelegate {

	private final ReviewService reviews;

	public EscalateReview(ReviewService reviews) {
		this.reviews = reviews;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.reviews.escalateReview(execution.getProcessInstanceId());
	}

}
