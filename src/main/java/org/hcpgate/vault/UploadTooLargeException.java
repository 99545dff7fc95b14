package org.hcpgate.vault;

/** The document is larger than {@code hcp-gate.storage.max-photo-size}. */
public class UploadTooLargeException extends RuntimeException {

	UploadTooLargeException(long size, long limit) {
		super("Document of " + size + " bytes, limit " + limit);
	}

}
