package org.hcpgate.articles;

import java.util.List;
import java.util.Optional;

import org.hcpgate.vault.ImageSanitizer;
import org.hcpgate.vault.UnacceptableDocumentException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pictures of articles: checked by content and re-encoded by the same sanitiser as the
 * licence photos (JPEG and PNG are decoded and written again; a PDF becomes the picture
 * of its first page), bounded in size, kept in the database.
 */
@Service
public class ArticlePictures {

	/** The largest picture an editor may upload. */
	public static final int MAX_BYTES = 5 * 1024 * 1024;

	private final ArticlePictureRepository pictures;

	private final ArticleRepository articles;

	private final ImageSanitizer sanitizer;

	ArticlePictures(ArticlePictureRepository pictures, ArticleRepository articles, ImageSanitizer sanitizer) {
		this.pictures = pictures;
		this.articles = articles;
		this.sanitizer = sanitizer;
	}

	/**
	 * @throws PictureTooLargeException over {@link #MAX_BYTES}
	 * @throws UnacceptableDocumentException when it is no readable JPEG, PNG or PDF
	 */
	@Transactional
	public ArticlePicture add(long articleId, byte[] bytes, String editor) {
		this.articles.findById(articleId).orElseThrow(() -> new UnknownArticleException(articleId));
		if (bytes.length > MAX_BYTES) {
			throw new PictureTooLargeException();
		}
		ImageSanitizer.Sanitized clean = this.sanitizer.sanitize(bytes);
		return this.pictures.save(new ArticlePicture(articleId, clean.contentType(), clean.bytes(), editor));
	}

	/** A picture without its bytes: what lists and access checks need. */
	public record Picture(long id, long articleId, String contentType, long sizeBytes) {

		/** Where pages show it (what an editor writes in the body). */
		public String getPath() {
			return "/articles/pictures/" + this.id;
		}

	}

	@Transactional(readOnly = true)
	public List<Picture> of(long articleId) {
		return this.pictures.listOf(articleId);
	}

	@Transactional(readOnly = true)
	Optional<Picture> find(long id) {
		return this.pictures.info(id);
	}

	@Transactional(readOnly = true)
	byte[] content(long id) {
		return this.pictures.content(id);
	}

	/** Over {@link ArticlePictures#MAX_BYTES}. */
	public static class PictureTooLargeException extends RuntimeException {

		PictureTooLargeException() {
			super("Picture over " + MAX_BYTES + " bytes");
		}

	}

}
