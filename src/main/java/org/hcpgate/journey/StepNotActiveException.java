package org.hcpgate.journey;

/**
 * The reader answered a step that is no longer active: a double click, a second tab,
 * another node that completed it first, or a model that moved on. Nothing was changed;
 * the site shows the current step.
 */
public class StepNotActiveException extends RuntimeException {

	StepNotActiveException(String step) {
		super("Step not active: " + step);
	}

	StepNotActiveException(String step, Throwable cause) {
		super("Step not active: " + step, cause);
	}

}
