package org.hcpgate.zones;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A content zone: what it asks of a reader before letting them in. The agreement
 * (separate consent) is versioned; the informed consent is optional.
 */
@Entity
@Table(name = "zone")
public class Zone {

	@Id
	@Column(name = "zone_key")
	private String key;

	@Column(nullable = false)
	private String name;

	@Column(name = "agreement_title", nullable = false)
	private String agreementTitle;

	@Column(name = "agreement_body", nullable = false)
	private String agreementBody;

	@Column(name = "agreement_version", nullable = false)
	private int agreementVersion;

	@Column(name = "informed_consent_title")
	private String informedConsentTitle;

	@Column(name = "informed_consent_body")
	private String informedConsentBody;

	@Column(name = "informed_consent_version")
	private Integer informedConsentVersion;

	/** Staff review the answers to the zone's questions before letting a reader in. */
	@Column(name = "information_review", nullable = false)
	private boolean informationReview;

	protected Zone() {
	}

	public Zone(String key, String name, String agreementTitle, String agreementBody, int agreementVersion) {
		this.key = key;
		this.name = name;
		this.agreementTitle = agreementTitle;
		this.agreementBody = agreementBody;
		this.agreementVersion = agreementVersion;
	}

	public Zone withInformedConsent(String title, String body, int version) {
		this.informedConsentTitle = title;
		this.informedConsentBody = body;
		this.informedConsentVersion = version;
		return this;
	}

	/** A new version of the agreement: every reader must accept it again. */
	public void publishAgreement(String title, String body) {
		this.agreementTitle = title;
		this.agreementBody = body;
		this.agreementVersion++;
	}

	public Zone withInformationReview() {
		this.informationReview = true;
		return this;
	}

	public boolean isInformationReview() {
		return this.informationReview;
	}

	public boolean hasInformedConsent() {
		return this.informedConsentBody != null && !this.informedConsentBody.isBlank();
	}

	public String getKey() {
		return this.key;
	}

	public String getName() {
		return this.name;
	}

	public String getAgreementTitle() {
		return this.agreementTitle;
	}

	public String getAgreementBody() {
		return this.agreementBody;
	}

	public int getAgreementVersion() {
		return this.agreementVersion;
	}

	public String getInformedConsentTitle() {
		return this.informedConsentTitle;
	}

	public String getInformedConsentBody() {
		return this.informedConsentBody;
	}

	public Integer getInformedConsentVersion() {
		return this.informedConsentVersion;
	}

}
