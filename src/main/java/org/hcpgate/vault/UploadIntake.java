package org.hcpgate.vault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;

import org.hcpgate.vault.DocumentStore.Usage;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * A document on its way in: bounded in size (by the application, so the form comes back
 * with a message and the reader's input instead of a refused request) and by the reader's
 * daily quota (photos and bytes in the last 24 hours, counted before anything is
 * decoded), sanitized, stored as pending.
 */
@Component
public class UploadIntake {

	/**
	 * Request attribute: the form came with a file over the upload limit, which was not
	 * read (see {@code system/OversizedUploads}); the form's text fields came through.
	 */
	public static final String OVERSIZED = UploadIntake.class.getName() + ".OVERSIZED";

	private static final Duration QUOTA_PERIOD = Duration.ofDays(1);

	private final DataSize maxPhotoSize;

	private final int dailyPhotos;

	private final DataSize dailyBytes;

	private final ImageSanitizer sanitizer;

	private final DocumentStore store;

	private final Clock clock = Clock.systemUTC();

	UploadIntake(StorageSettings settings, ImageSanitizer sanitizer, DocumentStore store) {
		this.maxPhotoSize = settings.maxPhotoSize();
		this.dailyPhotos = settings.dailyPhotos();
		this.dailyBytes = settings.dailyBytes();
		this.sanitizer = sanitizer;
		this.store = store;
	}

	/**
	 * @throws UploadTooLargeException over {@code hcp-gate.storage.max-photo-size}
	 * @throws UploadQuotaExceededException past {@code hcp-gate.storage.daily-photos} or
	 * {@code daily-bytes} in the last 24 hours
	 * @throws UnacceptableDocumentException when it is no readable JPEG, PNG or PDF
	 */
	public StoredDocument accept(MultipartFile upload, String readerId) {
		if (upload.getSize() > this.maxPhotoSize.toBytes()) {
			throw new UploadTooLargeException(upload.getSize(), this.maxPhotoSize.toBytes());
		}
		Usage today = this.store.usageSince(readerId, this.clock.instant().minus(QUOTA_PERIOD));
		if (today.photos() >= this.dailyPhotos || today.bytes() + upload.getSize() > this.dailyBytes.toBytes()) {
			throw new UploadQuotaExceededException();
		}
		try {
			return this.store.store(this.sanitizer.sanitize(upload.getBytes()).bytes(), readerId);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public DataSize getMaxPhotoSize() {
		return this.maxPhotoSize;
	}

}
