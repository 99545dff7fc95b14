package org.hcpgate.verification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Read model: this reader may read this zone. Written by {@code grant-zone-access}. */
@Entity
@Table(name = "zone_access")
public class ZoneAccess {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "reader_id", nullable = false)
	private String readerId;

	@Column(name = "zone_key", nullable = false)
	private String zoneKey;

	@Column(name = "granted_at", nullable = false)
	private Instant grantedAt;

	/** The version of the zone's agreement the reader accepted for this grant. */
	@Column(name = "agreement_version", nullable = false)
	private int agreementVersion;

	protected ZoneAccess() {
	}

	ZoneAccess(String readerId, String zoneKey, int agreementVersion) {
		this.readerId = readerId;
		this.zoneKey = zoneKey;
		renew(agreementVersion);
	}

	void renew(int agreementVersion) {
		this.agreementVersion = agreementVersion;
		this.grantedAt = Instant.now();
	}

	public int getAgreementVersion() {
		return this.agreementVersion;
	}

	public String getReaderId() {
		return this.readerId;
	}

	public String getZoneKey() {
		return this.zoneKey;
	}

	public Instant getGrantedAt() {
		return this.grantedAt;
	}

}
