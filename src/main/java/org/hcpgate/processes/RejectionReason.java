package org.hcpgate.processes;

import java.util.Arrays;
import java.util.Optional;

/**
 * The catalogue of rejection reasons. The codes are what the review form and the REST API
 * send in {@code rejectionReasons}; the reader reads {@code rejection-reason.<code>} in
 * their language.
 */
public enum RejectionReason {

	PHOTO_UNREADABLE("photo-unreadable"), NAME_MISMATCH("name-mismatch"), LICENCE_INVALID("licence-invalid"),
	NOT_HCP("not-hcp"), INFORMATION_INCOMPLETE("information-incomplete");

	private final String code;

	RejectionReason(String code) {
		this.code = code;
	}

	public String getCode() {
		return this.code;
	}

	public String getMessageKey() {
		return "rejection-reason." + this.code;
	}

	public static Optional<RejectionReason> ofCode(String code) {
		return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
	}

}
