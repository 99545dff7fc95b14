package org.hcpgate.articles;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A reader's comment on an article. Plain text, always rendered escaped; the author's
 * display name is kept with it, so the thread reads without a join.
 */
@Entity
@Table(name = "article_comment")
public class Comment {

	/** Longest comment, in characters (the column's size). */
	public static final int MAX_LENGTH = 1000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "article_id", nullable = false)
	private Long articleId;

	@Column(name = "reader_id", nullable = false)
	private String readerId;

	@Column(name = "author_name", nullable = false)
	private String authorName;

	@Column(nullable = false)
	private String text;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected Comment() {
	}

	public Comment(Long articleId, String readerId, String authorName, String text, Instant createdAt) {
		this.articleId = articleId;
		this.readerId = readerId;
		this.authorName = authorName;
		this.text = text;
		this.createdAt = createdAt;
	}

	public Long getId() {
		return this.id;
	}

	public Long getArticleId() {
		return this.articleId;
	}

	public String getReaderId() {
		return this.readerId;
	}

	public String getAuthorName() {
		return this.authorName;
	}

	public String getText() {
		return this.text;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public boolean isBy(String readerId) {
		return readerId != null && readerId.equals(this.readerId);
	}

}
