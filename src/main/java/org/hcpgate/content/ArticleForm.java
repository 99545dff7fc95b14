package org.hcpgate.content;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.hcpgate.articles.Article;
import org.hcpgate.articles.ArticleBody;
import org.hcpgate.articles.ArticleEdit;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * An article as editors write it, on the staff pages and through the content API.
 * {@code published} false keeps it from readers; {@code publishAt} (the site's local
 * time) schedules it, empty means now.
 */
public class ArticleForm {

	@NotBlank(message = "{validation.required}")
	private String zoneKey;

	private boolean gated = true;

	@NotBlank(message = "{validation.required}")
	@Size(max = 300, message = "{validation.too-long}")
	private String title;

	@NotBlank(message = "{validation.required}")
	@Size(max = 200, message = "{validation.too-long}")
	private String author;

	@Size(max = 100, message = "{validation.too-long}")
	private String tag;

	@NotNull(message = "{validation.required}")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate publishedOn = LocalDate.now();

	@NotBlank(message = "{validation.required}")
	@Size(max = 1000, message = "{validation.too-long}")
	private String teaser;

	@NotNull(message = "{validation.required}")
	private ArticleBody.Format bodyFormat = ArticleBody.Format.MARKDOWN;

	@NotBlank(message = "{validation.required}")
	@Size(max = 100000, message = "{validation.too-long}")
	private String body;

	private boolean published;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private LocalDateTime publishAt;

	public static ArticleForm of(Article article, ZoneId siteTime) {
		ArticleForm form = new ArticleForm();
		form.zoneKey = article.getZoneKey();
		form.gated = article.isGated();
		form.title = article.getTitle();
		form.author = article.getAuthor();
		form.tag = article.getTag();
		form.publishedOn = article.getPublishedOn();
		form.teaser = article.getTeaser();
		form.bodyFormat = article.getBodyFormat();
		form.body = (article.getBodySource() != null) ? article.getBodySource() : article.getBody();
		form.published = article.getPublishedAt() != null;
		form.publishAt = (article.getPublishedAt() != null)
				? LocalDateTime.ofInstant(article.getPublishedAt(), siteTime).withNano(0) : null;
		return form;
	}

	/**
	 * What to save. An article published without a time keeps the time it already had (so
	 * saving it again does not move it to the top), or gets now.
	 */
	ArticleEdit edit(ZoneId siteTime, Instant alreadyPublishedAt, Instant now) {
		Instant publishedAt = null;
		if (this.published) {
			if (this.publishAt != null) {
				publishedAt = this.publishAt.atZone(siteTime).toInstant();
			}
			else {
				// live already: keep its time; scheduled (the time cleared) or new: now
				publishedAt = (alreadyPublishedAt != null && !alreadyPublishedAt.isAfter(now)) ? alreadyPublishedAt
						: now;
			}
		}
		return new ArticleEdit(this.zoneKey, this.gated, this.title, this.author, this.tag, this.publishedOn,
				this.teaser, this.bodyFormat, this.body, publishedAt);
	}

	public String getZoneKey() {
		return this.zoneKey;
	}

	public void setZoneKey(String zoneKey) {
		this.zoneKey = zoneKey;
	}

	public boolean isGated() {
		return this.gated;
	}

	public void setGated(boolean gated) {
		this.gated = gated;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getAuthor() {
		return this.author;
	}

	public void setAuthor(String author) {
		this.author = author;
	}

	public String getTag() {
		return this.tag;
	}

	public void setTag(String tag) {
		this.tag = tag;
	}

	public LocalDate getPublishedOn() {
		return this.publishedOn;
	}

	public void setPublishedOn(LocalDate publishedOn) {
		this.publishedOn = publishedOn;
	}

	public String getTeaser() {
		return this.teaser;
	}

	public void setTeaser(String teaser) {
		this.teaser = teaser;
	}

	public ArticleBody.Format getBodyFormat() {
		return this.bodyFormat;
	}

	public void setBodyFormat(ArticleBody.Format bodyFormat) {
		this.bodyFormat = bodyFormat;
	}

	public String getBody() {
		return this.body;
	}

	public void setBody(String body) {
		this.body = body;
	}

	public boolean isPublished() {
		return this.published;
	}

	public void setPublished(boolean published) {
		this.published = published;
	}

	public LocalDateTime getPublishAt() {
		return this.publishAt;
	}

	public void setPublishAt(LocalDateTime publishAt) {
		this.publishAt = publishAt;
	}

}
