package org.hcpgate.vault;

/** The licence photo is larger than {@code hcp-gate.storage.max-photo-size}. */
public class PhotoTooLargeException extends RuntimeException {

	PhotoTooLargeException(long size, long limit) {
		super("Licence photo of " + size + " bytes, limit " + limit);
	}

}
