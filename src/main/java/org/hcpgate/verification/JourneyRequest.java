package org.hcpgate.verification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What a reader asked for when the latest journey into a zone started: the article to
 * land on after 您已通过…, and that the notices link to.
 */
@Entity
@Table(name = "journey_request")
class JourneyRequest {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "reader_id", nullable = false)
	private String readerId;

	@Column(name = "zone_key", nullable = false)
	private String zoneKey;

	@Column(name = "article_id")
	private Long articleId;

	@Column(name = "requested_at", nullable = false)
	private Instant requestedAt;

	protected JourneyRequest() {
	}

	JourneyRequest(String readerId, String zoneKey) {
		this.readerId = readerId;
		this.zoneKey = zoneKey;
	}

	void request(Long articleId, Instant at) {
		this.articleId = articleId;
		this.requestedAt = at;
	}

	Long getArticleId() {
		return this.articleId;
	}

}
