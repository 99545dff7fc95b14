package org.hcpgate.articles;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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

	/** Trusted HTML written by editors (not by readers). */
	@Column(nullable = false)
	private String body;

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
		this.body = body;
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
