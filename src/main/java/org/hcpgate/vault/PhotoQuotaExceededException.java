package org.hcpgate.vault;

/** The reader stored as many photos (or bytes) today as one day allows. */
public class PhotoQuotaExceededException extends RuntimeException {

	public PhotoQuotaExceededException() {
		super("Daily photo quota reached");
	}

}
