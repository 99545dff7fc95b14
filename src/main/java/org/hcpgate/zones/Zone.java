package org.hcpgate.zones;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/**
 * A content zone: what it asks of a reader before letting them in. The agreement
 * (separate consent) is versioned; the informed consent is optional. An update writes
 * only the columns that changed, so an editor saving settings never writes back an
 * agreement version published meanwhile.
 */
@Entity
@Table(name = "zone")
@DynamicUpdate
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

	private String description;

	/** The zone's place on the home page, smallest first. */
	@Column(nullable = false)
	private int position;

	/** A hidden zone is not listed to readers; its articles are not either. */
	@Column(nullable = false)
	private boolean published = true;

	/** Shown on the zone's gated pages: who the content is for. */
	@Column(name = "audience_notice")
	private String audienceNotice;

	/**
	 * The professions (the catalogue's codes) whose verified readers the zone admits;
	 * none: every profession.
	 */
	@ElementCollection(fetch = FetchType.EAGER)
	@Fetch(FetchMode.SUBSELECT)
	@CollectionTable(name = "zone_profession", joinColumns = @JoinColumn(name = "zone_key"))
	@Column(name = "profession_code")
	private Set<String> admittedProfessions = new TreeSet<>();

	/** The publishing CMS's own id of the zone, for idempotent upserts. */
	@Column(name = "cms_id")
	private String cmsId;

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

	/**
	 * Puts a published version of the agreement in force: every reader who accepted an
	 * older one must accept it again.
	 */
	void putAgreementInForce(AgreementVersion version) {
		this.agreementTitle = version.getTitle();
		this.agreementBody = version.getBody();
		this.agreementVersion = version.getVersion();
	}

	/**
	 * What an editor sets of a zone. A changed informed-consent text is a new version of
	 * it.
	 */
	void edit(ZoneEdit edit) {
		this.name = edit.name();
		this.description = blankToNull(edit.description());
		this.position = edit.position();
		this.published = edit.published();
		this.audienceNotice = blankToNull(edit.audienceNotice());
		this.informationReview = edit.informationReview();
		String consentBody = blankToNull(edit.informedConsentBody());
		if (consentBody == null) {
			this.informedConsentTitle = null;
			this.informedConsentBody = null;
		}
		else {
			boolean changed = !consentBody.equals(this.informedConsentBody)
					|| !edit.informedConsentTitle().strip().equals(this.informedConsentTitle);
			if (changed) {
				this.informedConsentVersion = (this.informedConsentVersion == null) ? 1
						: this.informedConsentVersion + 1;
			}
			this.informedConsentTitle = edit.informedConsentTitle().strip();
			this.informedConsentBody = consentBody;
		}
	}

	void admit(Set<String> professions) {
		this.admittedProfessions.clear();
		this.admittedProfessions.addAll(professions);
	}

	/** The professions it admits, in their codes' order; empty: every profession. */
	public Set<String> getAdmittedProfessions() {
		return Collections.unmodifiableSet(new TreeSet<>(this.admittedProfessions));
	}

	/** Whether a reader verified as this profession (null: not known) may be let in. */
	public boolean admits(String profession) {
		return this.admittedProfessions.isEmpty()
				|| (profession != null && this.admittedProfessions.contains(profession));
	}

	void identifyInCms(String cmsId) {
		this.cmsId = cmsId;
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	public boolean isInformationReview() {
		return this.informationReview;
	}

	public boolean hasInformedConsent() {
		return this.informedConsentBody != null && !this.informedConsentBody.isBlank();
	}

	public String getDescription() {
		return this.description;
	}

	public int getPosition() {
		return this.position;
	}

	public boolean isPublished() {
		return this.published;
	}

	public String getAudienceNotice() {
		return this.audienceNotice;
	}

	public String getCmsId() {
		return this.cmsId;
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
