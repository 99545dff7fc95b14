package org.hcpgate.vault;

/** The reader stored as many photos (or bytes) today as one day allows. */
public class UploadQuotaExceededException extends RuntimeException {

	public UploadQuotaExceededException() {
		super("Daily photo quota reached");
	}

}
