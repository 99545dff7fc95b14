package org.hcpgate.vault;

/** The upload is no JPEG, PNG or PDF by its content. */
public class UnacceptableDocumentException extends RuntimeException {

	UnacceptableDocumentException() {
		super("A document must be a JPEG, PNG or PDF");
	}

}
