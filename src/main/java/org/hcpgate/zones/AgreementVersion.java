package org.hcpgate.zones;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One version of a zone's agreement (the separate consent): a draft while editors write
 * it (no version number yet), then published under the next number and never changed
 * again, so that what a reader accepted stays readable.
 */
@Entity
@Table(name = "agreement_version")
public class AgreementVersion {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "zone_key", nullable = false)
	private String zoneKey;

	/** Null while a draft. */
	private Integer version;

	@Column(nullable = false)
	private String title;

	@Column(nullable = false)
	private String body;

	@Column(name = "edited_by", nullable = false)
	private String editedBy;

	@Column(name = "edited_at", nullable = false)
	private Instant editedAt;

	@Column(name = "published_by")
	private String publishedBy;

	@Column(name = "published_at")
	private Instant publishedAt;

	@Column(name = "cms_id")
	private String cmsId;

	protected AgreementVersion() {
	}

	AgreementVersion(String zoneKey, String title, String body, String editedBy, Instant editedAt) {
		this.zoneKey = zoneKey;
		this.title = title;
		this.body = body;
		this.editedBy = editedBy;
		this.editedAt = editedAt;
	}

	void edit(String title, String body, String editor, Instant at) {
		if (!isDraft()) {
			throw new IllegalStateException("Version " + this.version + " of " + this.zoneKey + " is published");
		}
		this.title = title;
		this.body = body;
		this.editedBy = editor;
		this.editedAt = at;
	}

	void publish(int version, String editor, Instant at) {
		this.version = version;
		this.publishedBy = editor;
		this.publishedAt = at;
	}

	void identifyInCms(String cmsId) {
		this.cmsId = cmsId;
	}

	public boolean isDraft() {
		return this.version == null;
	}

	public Long getId() {
		return this.id;
	}

	public String getZoneKey() {
		return this.zoneKey;
	}

	public Integer getVersion() {
		return this.version;
	}

	public String getTitle() {
		return this.title;
	}

	public String getBody() {
		return this.body;
	}

	public String getEditedBy() {
		return this.editedBy;
	}

	public Instant getEditedAt() {
		return this.editedAt;
	}

	public String getPublishedBy() {
		return this.publishedBy;
	}

	public Instant getPublishedAt() {
		return this.publishedAt;
	}

	public String getCmsId() {
		return this.cmsId;
	}

}
