package org.hcpgate.vault;

/** A first submission came without a licence photo. */
public class MissingPhotoException extends RuntimeException {

	public MissingPhotoException() {
		super("A licence photo is required");
	}

}
