package org.hcpgate.articles;

import java.util.List;
import java.util.Optional;

import org.hcpgate.credentials.PhotoSanitizer;
import org.hcpgate.credentials.UnacceptablePhotoException;
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

	private final PhotoSanitizer sanitizer;

	ArticlePictures(ArticlePictureRepository pictures, ArticleRepository articles, PhotoSanitizer sanitizer) {
		this.pictures = pictures;
		this.articles = articles;
		this.sanitizer = sanitizer;
	}

	/**
	 * @throws PictureTooLargeException over {@link #MAX_BYTES}
	 * @throws UnacceptablePhotoException when it is no readable JPEG, PNG or PDF
	 */
	@Transactional
	public ArticlePicture add(long articleId, byte[] bytes, String editor) {
		this.articles.findById(articleId).orElseThrow(() -> new UnknownArticleException(articleId));
		if (bytes.length > MAX_BYTES) {
			throw new PictureTooLargeException();
		}
		PhotoSanitizer.Sanitized clean = this.sanitizer.sanitize(bytes);
		return this.pictures.save(new ArticlePicture(articleId, clean.contentType(), clean.bytes(), editor));
	}

	@Transactional(readOnly = true)
	public List<ArticlePicture> of(long articleId) {
		return this.pictures.findByArticleIdOrderById(articleId);
	}

	@Transactional(readOnly = true)
	Optional<ArticlePicture> find(long id) {
		return this.pictures.findById(id);
	}

	@Transactional(readOnly = true)
	byte[] content(long id) {
		return this.pictures.findById(id).map(ArticlePicture::getContent).orElseThrow();
	}

	/** Over {@link ArticlePictures#MAX_BYTES}. */
	public static class PictureTooLargeException extends RuntimeException {

		PictureTooLargeException() {
			super("Picture over " + MAX_BYTES + " bytes");
		}

	}

}
