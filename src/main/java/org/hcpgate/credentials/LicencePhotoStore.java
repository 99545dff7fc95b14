package org.hcpgate.credentials;

import java.io.ByteArrayInputStream;
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
 * Licence photos, stored outside the web root under {@code hcp-gate.storage.directory}
 * with random names, encrypted (Tink AEAD, bound to the reader and the file name: a file
 * moved or handed to another reader does not open). The type is taken from the content
 * (magic bytes), never from the name or the browser's claim.
 */
@Component
public class LicencePhotoStore {

	static final String SUFFIX = ".enc";

	private final Path directory;

	private final PersonalDataCrypto crypto;

	LicencePhotoStore(@Value("${hcp-gate.storage.directory}") Path directory, PersonalDataCrypto crypto) {
		this.directory = directory.toAbsolutePath().normalize();
		this.crypto = crypto;
	}

	/**
	 * @throws UnacceptablePhotoException when the bytes are no JPEG, PNG or PDF.
	 */
	public StoredPhoto store(MultipartFile upload, String readerId) {
		try {
			byte[] bytes = upload.getBytes();
			String contentType = detectContentType(bytes);
			if (contentType == null) {
				throw new UnacceptablePhotoException();
			}
			Files.createDirectories(this.directory);
			String fileName = UUID.randomUUID() + SUFFIX;
			Files.write(this.directory.resolve(fileName), this.crypto.encrypt(bytes, context(readerId, fileName)));
			return new StoredPhoto(fileName, contentType);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The photo in clear, for staff. */
	public InputStream open(String fileName, String readerId) throws IOException {
		return new ByteArrayInputStream(
				this.crypto.decrypt(Files.readAllBytes(resolve(fileName)), context(readerId, fileName)));
	}

	/** Erasure: removes the file; true when there was one. */
	public boolean delete(String fileName) {
		try {
			return Files.deleteIfExists(resolve(fileName));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Path resolve(String fileName) throws IOException {
		Path file = this.directory.resolve(fileName).normalize();
		if (!file.startsWith(this.directory) || !fileName.endsWith(SUFFIX)) {
			throw new IOException("Outside the store: " + fileName);
		}
		return file;
	}

	private static String context(String readerId, String fileName) {
		return "licence-photo:reader=" + readerId + ":file=" + fileName;
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

}
