package org.hcpgate.credentials;

/** A first submission came without a licence photo. */
public class MissingPhotoException extends RuntimeException {

	MissingPhotoException() {
		super("A licence photo is required");
	}

}
