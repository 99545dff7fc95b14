package org.hcpgate.partners;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a partner may ask for, scope by scope, and the claims each scope lets it read (the
 * public contract in docs/partners.md). {@code openid} alone tells a partner only that
 * the same person came back (a subject of its own, never the same for two partners).
 */
public enum PartnerScope {

	OPENID("openid", List.of("sub")),
	/** Whether the reader is a verified healthcare professional, and until when. */
	HCP("hcp", List.of(PartnerClaims.HCP_VERIFIED, PartnerClaims.HCP_VERIFIED_UNTIL)),
	/** The profession the verification holds for (the catalogue's code). */
	PROFESSION("profession", List.of(PartnerClaims.PROFESSION)),
	/** For the zones the partner may know about: whether the reader may read them. */
	ZONES("zones", List.of(PartnerClaims.HCP_ZONES)),
	/** The verified name, hospital, department and title. */
	PROFILE("profile",
			List.of("name", PartnerClaims.HOSPITAL, PartnerClaims.DEPARTMENT, PartnerClaims.PROFESSIONAL_TITLE)),
	/** The verified licence number. */
	LICENCE("licence", List.of(PartnerClaims.LICENCE_NUMBER));

	private final String value;

	private final List<String> claims;

	PartnerScope(String value, List<String> claims) {
		this.value = value;
		this.claims = claims;
	}

	/** The scope as the protocol names it. */
	public String value() {
		return this.value;
	}

	public List<String> claims() {
		return this.claims;
	}

	/** The message key of what the reader is told the partner gets. */
	public String messageKey() {
		return "partners.scope." + this.value;
	}

	public static Optional<PartnerScope> of(String value) {
		return Arrays.stream(values()).filter(scope -> scope.value.equals(value)).findFirst();
	}

}
