package org.hcpgate.vault;

/** The upload is no JPEG, PNG or PDF by its content. */
public class UnacceptablePhotoException extends RuntimeException {

	UnacceptablePhotoException() {
		super("Licence photo must be a JPEG, PNG or PDF");
	}

}
