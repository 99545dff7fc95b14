package org.hcpgate.forms;

import java.util.List;

/**
 * What is wrong with one answer, as a message key ({@code form.error.*} in
 * messages.properties) and its arguments.
 */
public record FormError(String code, List<Object> arguments) {

	static FormError of(String code, Object... arguments) {
		return new FormError("form.error." + code, List.of(arguments));
	}

	/** A required document that is missing (or expired before the answers were sent). */
	public static FormError documentRequired() {
		return of("document-required");
	}

	public Object[] args() {
		return this.arguments.toArray();
	}

}
