package org.hcpgate.credentials;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * A licence photo on its way in: bounded in size (by the application, so the form comes
 * back with a message and the reader's input instead of a refused request), sanitized,
 * stored.
 */
@Component
public class PhotoIntake {

	private final DataSize maxPhotoSize;

	private final PhotoSanitizer sanitizer;

	private final LicencePhotoStore store;

	PhotoIntake(@Value("${hcp-gate.storage.max-photo-size:5MB}") DataSize maxPhotoSize, PhotoSanitizer sanitizer,
			LicencePhotoStore store) {
		this.maxPhotoSize = maxPhotoSize;
		this.sanitizer = sanitizer;
		this.store = store;
	}

	/**
	 * @throws PhotoTooLargeException over {@code hcp-gate.storage.max-photo-size}
	 * @throws UnacceptablePhotoException when it is no readable JPEG, PNG or PDF
	 */
	public StoredPhoto accept(MultipartFile upload, String readerId) {
		if (upload.getSize() > this.maxPhotoSize.toBytes()) {
			throw new PhotoTooLargeException(upload.getSize(), this.maxPhotoSize.toBytes());
		}
		try {
			PhotoSanitizer.Sanitized clean = this.sanitizer.sanitize(upload.getBytes());
			return this.store.store(new SanitizedUpload(upload.getName(), clean), readerId);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public DataSize getMaxPhotoSize() {
		return this.maxPhotoSize;
	}

	/** The sanitized bytes, handed to the store as the upload it takes. */
	private record SanitizedUpload(String name, PhotoSanitizer.Sanitized clean) implements MultipartFile {

		@Override
		public String getName() {
			return this.name;
		}

		@Override
		public String getOriginalFilename() {
			return null;
		}

		@Override
		public String getContentType() {
			return this.clean.contentType();
		}

		@Override
		public boolean isEmpty() {
			return this.clean.bytes().length == 0;
		}

		@Override
		public long getSize() {
			return this.clean.bytes().length;
		}

		@Override
		public byte[] getBytes() {
			return this.clean.bytes().clone();
		}

		@Override
		public InputStream getInputStream() {
			return new ByteArrayInputStream(this.clean.bytes());
		}

		@Override
		public void transferTo(File dest) throws IOException {
			Files.write(dest.toPath(), this.clean.bytes());
		}

		@Override
		public void transferTo(Path dest) throws IOException {
			Files.write(dest, this.clean.bytes());
		}

	}

}
