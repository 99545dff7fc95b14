package org.hcpgate.partners;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.hcpgate.credentials.CredentialService;
import org.hcpgate.credentials.CredentialSubmission;
import org.hcpgate.vault.PersonalDataCrypto;
import org.hcpgate.verification.HcpVerification;
import org.hcpgate.verification.HcpVerificationService;
import org.hcpgate.verification.ZoneAccessService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a partner learns about a reader: from the server's own records at the moment of
 * asking, only for the scopes the reader agreed to and the partner may ask for.
 */
@Component
public class PartnerClaims {

	public static final String HCP_VERIFIED = "hcp_verified";

	public static final String HCP_VERIFIED_UNTIL = "hcp_verified_until";

	public static final String PROFESSION = "profession";

	public static final String HCP_ZONES = "hcp_zones";

	public static final String HOSPITAL = "hospital";

	public static final String DEPARTMENT = "department";

	public static final String PROFESSIONAL_TITLE = "professional_title";

	public static final String LICENCE_NUMBER = "licence_number";

	private final HcpVerificationService verifications;

	private final ZoneAccessService zoneAccess;

	private final CredentialService credentials;

	private final PersonalDataCrypto crypto;

	PartnerClaims(HcpVerificationService verifications, ZoneAccessService zoneAccess, CredentialService credentials,
			PersonalDataCrypto crypto) {
		this.verifications = verifications;
		this.zoneAccess = zoneAccess;
		this.credentials = credentials;
		this.crypto = crypto;
	}

	/**
	 * The reader's subject at this partner: a keyed hash of both, so that two partners
	 * cannot tell that they share a reader, and nobody without the key can find the
	 * reader from it.
	 */
	public String subject(String readerId, String clientId) {
		return this.crypto.hash(clientId + "/" + readerId, "partner-subject");
	}

	/**
	 * The reader's session as this partner may name it ({@code sid}): a keyed hash of the
	 * partner and the session, so that two partners signed in from one session cannot
	 * tell (the server's own {@code sid} is the same plain hash for every partner).
	 */
	public String session(String sessionId, String clientId) {
		return this.crypto.hash(clientId + "/" + sessionId, "partner-session");
	}

	/**
	 * The claims for the scopes granted, {@code sub} included; times in seconds since the
	 * epoch, as OpenID Connect's own.
	 */
	@Transactional(readOnly = true)
	public Map<String, Object> claims(String readerId, PartnerSite site, Collection<String> scopes) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("sub", subject(readerId, site.getClientId()));
		Optional<HcpVerification> verification = this.verifications.find(readerId)
			.filter(v -> v.isValidAt(Instant.now()));
		if (scopes.contains(PartnerScope.HCP.value())) {
			claims.put(HCP_VERIFIED, verification.isPresent());
			verification.map(HcpVerification::getValidUntil)
				.ifPresent(until -> claims.put(HCP_VERIFIED_UNTIL, until.getEpochSecond()));
		}
		if (scopes.contains(PartnerScope.PROFESSION.value())) {
			verification.map(HcpVerification::getProfession).ifPresent(code -> claims.put(PROFESSION, code));
		}
		if (scopes.contains(PartnerScope.ZONES.value())) {
			Map<String, Boolean> zones = new LinkedHashMap<>();
			site.getZoneKeys()
				.stream()
				.sorted()
				.forEach(zone -> zones.put(zone, this.zoneAccess.isGranted(readerId, zone)));
			claims.put(HCP_ZONES, zones);
		}
		boolean wantsProfile = scopes.contains(PartnerScope.PROFILE.value());
		boolean wantsLicence = scopes.contains(PartnerScope.LICENCE.value());
		if (verification.isPresent() && (wantsProfile || wantsLicence)) {
			approvedSubmission(readerId, verification.get()).ifPresent(approved -> {
				if (wantsProfile) {
					claims.put("name", approved.getRealName());
					claims.put(HOSPITAL, approved.getHospital());
					claims.put(DEPARTMENT, approved.getDepartment());
					claims.put(PROFESSIONAL_TITLE, (approved.getCorrectedTitle() != null) ? approved.getCorrectedTitle()
							: approved.getProfessionalTitle());
				}
				if (wantsLicence) {
					claims.put(LICENCE_NUMBER, approved.getLicenceNumber());
				}
			});
		}
		return claims;
	}

	/** The attempt the verification rests on, as the read model names it. */
	private Optional<CredentialSubmission> approvedSubmission(String readerId, HcpVerification verification) {
		return Optional.ofNullable(verification.getSubmissionId())
			.flatMap(submissionId -> this.credentials.own(readerId, submissionId));
	}

}
