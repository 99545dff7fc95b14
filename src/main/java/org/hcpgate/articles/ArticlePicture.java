package org.hcpgate.articles;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A picture of an article, re-encoded on its way in. */
@Entity
@Table(name = "article_picture")
public class ArticlePicture {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "article_id", nullable = false)
	private Long articleId;

	@Column(name = "content_type", nullable = false)
	private String contentType;

	@Column(name = "size_bytes", nullable = false)
	private long sizeBytes;

	@Column(name = "uploaded_by", nullable = false)
	private String uploadedBy;

	@Column(name = "uploaded_at", nullable = false)
	private Instant uploadedAt;

	/** Read only by {@link ArticlePictureRepository#content}; lists use a projection. */
	@Column(nullable = false)
	private byte[] content;

	protected ArticlePicture() {
	}

	ArticlePicture(long articleId, String contentType, byte[] content, String uploadedBy) {
		this.articleId = articleId;
		this.contentType = contentType;
		this.content = content;
		this.sizeBytes = content.length;
		this.uploadedBy = uploadedBy;
		this.uploadedAt = Instant.now();
	}

	/** Where pages show it (what an editor writes in the body). */
	public String getPath() {
		return "/articles/pictures/" + this.id;
	}

	public Long getId() {
		return this.id;
	}

	public Long getArticleId() {
		return this.articleId;
	}

	public String getContentType() {
		return this.contentType;
	}

	public long getSizeBytes() {
		return this.sizeBytes;
	}

	public String getUploadedBy() {
		return this.uploadedBy;
	}

	public Instant getUploadedAt() {
		return this.uploadedAt;
	}

}
