package org.hcpgate.verification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Licence photos, stored outside the web root under {@code hcp-gate.storage.directory} with
 * random names. The type is taken from the content (magic bytes), never from the name or the
 * browser's claim.
 */
@Component
public class LicencePhotoStore {

	private final Path directory;

	LicencePhotoStore(@Value("${hcp-gate.storage.directory}") Path directory) {
		this.directory = directory.toAbsolutePath().normalize();
	}

	/** @throws UnacceptablePhotoException when the bytes are no JPEG, PNG or PDF. */
	public StoredPhoto store(MultipartFile upload) {
		try {
			byte[] bytes = upload.getBytes();
			String contentType = detectContentType(bytes);
			if (contentType == null) {
				throw new UnacceptablePhotoException();
			}
			Files.createDirectories(this.directory);
			String fileName = UUID.randomUUID() + extension(contentType);
			Files.write(this.directory.resolve(fileName), bytes);
			return new StoredPhoto(fileName, contentType);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public InputStream open(String fileName) throws IOException {
		Path file = this.directory.resolve(fileName).normalize();
		if (!file.startsWith(this.directory)) {
			throw new IOException("Outside the store: " + fileName);
		}
		return Files.newInputStream(file);
	}

	static String detectContentType(byte[] bytes) {
		if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
			return "image/jpeg";
		}
		if (startsWith(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return "image/png";
		}
		if (startsWith(bytes, '%', 'P', 'D', 'F', '-')) {
			return "application/pdf";
		}
		return null;
	}

	private static boolean startsWith(byte[] bytes, int... magic) {
		if (bytes.length < magic.length) {
			return false;
		}
		return Arrays.equals(Arrays.copyOf(bytes, magic.length), toBytes(magic));
	}

	private static byte[] toBytes(int[] values) {
		byte[] bytes = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			bytes[i] = (byte) values[i];
		}
		return bytes;
	}

	private static String extension(String contentType) {
		return switch (contentType) {
			case "image/jpeg" -> ".jpg";
			case "image/png" -> ".png";
			default -> ".pdf";
		};
	}

}
