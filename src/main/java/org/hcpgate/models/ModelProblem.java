package org.hcpgate.models;

/**
 * One thing a model must change before it may run.
 *
 * @param resource the file ({@code zone-access.bpmn}, {@code work-badge.form})
 * @param elementId the element or field, or null for the whole file
 * @param message what is wrong and what to do, in a designer's words
 */
public record ModelProblem(String resource, String elementId, String message) {

	@Override
	public String toString() {
		return this.resource + ((this.elementId != null) ? " [" + this.elementId + "]" : "") + ": " + this.message;
	}

}
