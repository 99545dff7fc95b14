package org.hcpgate.partners;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a partner may ask for, scope by scope (the public contract in docs/partners.md;
 * {@link PartnerClaims} writes the claims each scope lets a partner read). {@code openid}
 * alone tells a partner only that the same person came back (a subject of its own, never
 * the same for two partners).
 */
public enum PartnerScope {

	OPENID("openid"),
	/** Whether the reader is a verified healthcare professional, and until when. */
	HCP("hcp"),
	/** The profession the verification holds for (the catalogue's code). */
	PROFESSION("profession"),
	/** For the zones the partner may know about: whether the reader may read them. */
	ZONES("zones"),
	/** The verified name, hospital, department and title. */
	PROFILE("profile"),
	/** The verified licence number. */
	LICENCE("licence");

	private final String value;

	PartnerScope(String value) {
		this.value = value;
	}

	/** The scope as the protocol names it. */
	public String value() {
		return this.value;
	}

	/** The message key of what the reader is told the partner gets. */
	public String messageKey() {
		return "partners.scope." + this.value;
	}

	public static Optional<PartnerScope> of(String value) {
		return Arrays.stream(values()).filter(scope -> scope.value.equals(value)).findFirst();
	}

}
