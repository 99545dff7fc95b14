package org.hcpgate.partners;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/**
 * What HCP Gate knows of a partner site beyond the protocol (its OAuth 2.0 client is
 * Spring Authorization Server's {@code RegisteredClient} of the same client id).
 */
@Entity
@Table(name = "partner_site")
public class PartnerSite {

	@Id
	@Column(name = "client_id")
	private String clientId;

	@Column(nullable = false)
	private String name;

	@Column(name = "needs_verified_hcp", nullable = false)
	private boolean needsVerifiedHcp;

	/** The zone whose journey verifies a reader this partner sends (null: none). */
	@Column(name = "journey_zone_key")
	private String journeyZoneKey;

	/** Raised when what the partner asks for changes: every reader is asked again. */
	@Column(name = "consent_version", nullable = false)
	private int consentVersion;

	@Column(nullable = false)
	private boolean active;

	@Column(name = "changed_at", nullable = false)
	private Instant changedAt;

	@Column(name = "changed_by", nullable = false)
	private String changedBy;

	/** The zones whose access the partner may learn (claim {@code hcp_zones}). */
	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "partner_site_zone", joinColumns = @JoinColumn(name = "client_id"))
	@Column(name = "zone_key")
	@OrderBy
	private Set<String> zoneKeys = new LinkedHashSet<>();

	protected PartnerSite() {
	}

	PartnerSite(String clientId) {
		this.clientId = clientId;
		this.consentVersion = 1;
		this.active = true;
	}

	/**
	 * Takes what an administrator set; a change of what is asked (scopes or zones) raises
	 * the consent version.
	 */
	void change(String name, boolean needsVerifiedHcp, String journeyZoneKey, Set<String> zoneKeys, boolean active,
			boolean askedForMore, String changedBy) {
		boolean created = this.changedAt == null;
		if (!created && (askedForMore || !this.zoneKeys.containsAll(zoneKeys))) {
			this.consentVersion++;
		}
		this.name = name;
		this.needsVerifiedHcp = needsVerifiedHcp;
		this.journeyZoneKey = journeyZoneKey;
		this.zoneKeys.clear();
		this.zoneKeys.addAll(zoneKeys);
		this.active = active;
		this.changedBy = changedBy;
		this.changedAt = Instant.now();
	}

	public String getClientId() {
		return this.clientId;
	}

	public String getName() {
		return this.name;
	}

	public boolean isNeedsVerifiedHcp() {
		return this.needsVerifiedHcp;
	}

	public String getJourneyZoneKey() {
		return this.journeyZoneKey;
	}

	public int getConsentVersion() {
		return this.consentVersion;
	}

	public boolean isActive() {
		return this.active;
	}

	public Instant getChangedAt() {
		return this.changedAt;
	}

	public String getChangedBy() {
		return this.changedBy;
	}

	public Set<String> getZoneKeys() {
		return Set.copyOf(this.zoneKeys);
	}

}
