package org.hcpgate.vault;

/**
 * A step that requires a document (a first submission's licence photo) came without one.
 */
public class MissingDocumentException extends RuntimeException {

	public MissingDocumentException() {
		super("A document is required");
	}

}
