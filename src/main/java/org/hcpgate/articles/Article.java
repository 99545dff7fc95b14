package org.hcpgate.articles;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An article of a zone. A gated article shows only its teaser until the zone lets the
 * reader in.
 */
@Entity
@Table(name = "article")
public class Article {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "zone_key", nullable = false)
	private String zoneKey;

	@Column(nullable = false)
	private boolean gated;

	@Column(nullable = false)
	private String title;

	@Column(nullable = false)
	private String author;

	private String tag;

	@Column(name = "published_on", nullable = false)
	private LocalDate publishedOn;

	@Column(nullable = false)
	private String teaser;

	/**
	 * The body as pages show it: HTML that went through {@link ArticleBody}'s sanitiser
	 * on its way in, whatever the editor or the CMS sent.
	 */
	@Column(nullable = false)
	private String body;

	/** What the editor wrote, in {@link #bodyFormat}: shown again in the editor only. */
	@Column(name = "body_source")
	private String bodySource;

	@Enumerated(EnumType.STRING)
	@Column(name = "body_format", nullable = false)
	private ArticleBody.Format bodyFormat = ArticleBody.Format.HTML;

	/** Null: unpublished; in the future: scheduled; readers see it from then on. */
	@Column(name = "published_at")
	private Instant publishedAt;

	@Column(name = "cms_id")
	private String cmsId;

	protected Article() {
	}

	public Article(String zoneKey, boolean gated, String title, String author, String tag, LocalDate publishedOn,
			String teaser, String body) {
		this.zoneKey = zoneKey;
		this.gated = gated;
		this.title = title;
		this.author = author;
		this.tag = tag;
		this.publishedOn = publishedOn;
		this.teaser = teaser;
		this.body = ArticleBody.sanitise(ArticleBody.Format.HTML, body);
		this.bodySource = body;
		this.publishedAt = Instant.now();
	}

	Article(ArticleEdit edit) {
		edit(edit);
	}

	void edit(ArticleEdit edit) {
		this.zoneKey = edit.zoneKey();
		this.gated = edit.gated();
		this.title = edit.title().strip();
		this.author = edit.author().strip();
		this.tag = (edit.tag() == null || edit.tag().isBlank()) ? null : edit.tag().strip();
		this.publishedOn = edit.publishedOn();
		this.teaser = edit.teaser().strip();
		this.bodyFormat = edit.bodyFormat();
		this.bodySource = edit.body();
		this.body = ArticleBody.sanitise(edit.bodyFormat(), edit.body());
		this.publishedAt = edit.publishedAt();
	}

	void identifyInCms(String cmsId) {
		this.cmsId = cmsId;
	}

	/** Readers see it: published, and the time it was published for has come. */
	public boolean isPublishedBy(Instant now) {
		return this.publishedAt != null && !this.publishedAt.isAfter(now);
	}

	public String getBodySource() {
		return this.bodySource;
	}

	public ArticleBody.Format getBodyFormat() {
		return this.bodyFormat;
	}

	public Instant getPublishedAt() {
		return this.publishedAt;
	}

	public String getCmsId() {
		return this.cmsId;
	}

	public Long getId() {
		return this.id;
	}

	public String getZoneKey() {
		return this.zoneKey;
	}

	public boolean isGated() {
		return this.gated;
	}

	public String getTitle() {
		return this.title;
	}

	public String getAuthor() {
		return this.author;
	}

	public String getTag() {
		return this.tag;
	}

	public LocalDate getPublishedOn() {
		return this.publishedOn;
	}

	public String getTeaser() {
		return this.teaser;
	}

	public String getBody() {
		return this.body;
	}

}
