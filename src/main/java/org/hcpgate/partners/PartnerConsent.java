package org.hcpgate.partners;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One decision of a reader about one partner, for one version of what it asks: the
 * partners' consent ledger. Rows are never changed; the newest decides.
 */
@Entity
@Table(name = "partner_consent")
public class PartnerConsent {

	public enum Choice {

		AGREED, REFUSED,
		/**
		 * An agreement taken back on the account page: the partner's tokens go with it.
		 */
		WITHDRAWN

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "reader_id", nullable = false)
	private String readerId;

	@Column(name = "client_id", nullable = false)
	private String clientId;

	/** The name the authorization server knows the reader by (to revoke its tokens). */
	@Column(name = "principal_name", nullable = false)
	private String principalName;

	@Column(name = "consent_version", nullable = false)
	private int consentVersion;

	/** The scopes agreed to, space-separated (empty for a refusal or withdrawal). */
	@Column(nullable = false)
	private String scopes;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Choice choice;

	@Column(name = "decided_at", nullable = false)
	private Instant decidedAt;

	protected PartnerConsent() {
	}

	PartnerConsent(String readerId, String principalName, String clientId, int consentVersion,
			Collection<String> scopes, Choice choice) {
		this.readerId = readerId;
		this.principalName = principalName;
		this.clientId = clientId;
		this.consentVersion = consentVersion;
		this.scopes = String.join(" ", new java.util.TreeSet<>(scopes));
		this.choice = choice;
		this.decidedAt = Instant.now();
	}

	public String getReaderId() {
		return this.readerId;
	}

	public String getClientId() {
		return this.clientId;
	}

	String getPrincipalName() {
		return this.principalName;
	}

	public int getConsentVersion() {
		return this.consentVersion;
	}

	public Set<String> getScopes() {
		return this.scopes.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(this.scopes.split(" ")));
	}

	public Choice getChoice() {
		return this.choice;
	}

	public Instant getDecidedAt() {
		return this.decidedAt;
	}

	/** In force: agreed to the partner's current version. */
	boolean holdsFor(PartnerSite site) {
		return this.choice == Choice.AGREED && this.consentVersion == site.getConsentVersion();
	}

}
