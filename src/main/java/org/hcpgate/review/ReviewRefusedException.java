package org.hcpgate.review;

import org.camunda.bpm.engine.ProcessEngineException;
import org.hcpgate.processes.CodedRefusal;

/**
 * A staff decision the application refuses: thrown by the review task listeners, so the
 * completion (or claim) fails, its transaction rolls back and the task stays as it was.
 * Tasklist shows the message; the REST API answers with an error status and the message.
 */
public class ReviewRefusedException extends ProcessEngineException implements CodedRefusal {

	private static final long serialVersionUID = 1L;

	private final ReviewRefusal refusal;

	public ReviewRefusedException(ReviewRefusal refusal, Object... arguments) {
		super(refusal.message(arguments));
		this.refusal = refusal;
	}

	public ReviewRefusal getRefusal() {
		return this.refusal;
	}

	@Override
	public String code() {
		return this.refusal.getCode();
	}

	@Override
	public int httpStatus() {
		return this.refusal.getHttpStatus();
	}

}
