package org.hcpgate.vault;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Documents and images that readers and editors upload (licence photos, form steps'
 * documents, article pictures), encrypted (Tink AEAD, bound to the reader and the file
 * name: a document handed to another reader does not open) and kept where every node
 * finds them: in the table {@code stored_document} by default
 * ({@code hcp-gate.storage.kind=database}), or as files with random names in a directory
 * every node shares ({@code kind=directory}, {@code hcp-gate.storage.directory}). Either
 * way the table lists every photo stored, so that the reader's daily quota, the expiry of
 * photos no submission took, and erasure see them all. The type is taken from the content
 * (magic bytes), never from the name or the browser's claim.
 */
@Component
public class DocumentStore {

	/** Where the encrypted content is kept. */
	public enum Kind {

		DATABASE, DIRECTORY

	}

	/** What one reader stored since a given time. */
	public record Usage(long photos, long bytes) {
	}

	static final String SUFFIX = ".enc";

	private final JdbcTemplate jdbc;

	private final Kind kind;

	private final Path directory;

	private final PersonalDataCrypto crypto;

	private final Duration pendingLifetime;

	private final Clock clock;

	@Autowired
	DocumentStore(JdbcTemplate jdbc, StorageSettings settings, PersonalDataCrypto crypto) {
		this(jdbc, settings.kind(), settings.directory(), settings.pendingLifetime(), crypto, Clock.systemUTC());
	}

	DocumentStore(JdbcTemplate jdbc, Kind kind, Path directory, Duration pendingLifetime, PersonalDataCrypto crypto,
			Clock clock) {
		this.jdbc = jdbc;
		this.kind = kind;
		this.directory = directory.toAbsolutePath().normalize();
		this.pendingLifetime = pendingLifetime;
		this.crypto = crypto;
		this.clock = clock;
	}

	/**
	 * Stores sanitized bytes as a pending photo of the reader (see {@link #attach}).
	 * @throws UnacceptableDocumentException when the bytes are no JPEG or PNG: a PDF is
	 * kept only as the image of its first page ({@link ImageSanitizer}), never as sent.
	 */
	public StoredDocument store(byte[] bytes, String readerId) {
		String contentType = detectContentType(bytes);
		if (contentType == null || !contentType.startsWith("image/")) {
			throw new UnacceptableDocumentException();
		}
		String fileName = UUID.randomUUID() + SUFFIX;
		byte[] encrypted = this.crypto.encrypt(bytes, context(readerId, fileName));
		if (this.kind == Kind.DIRECTORY) {
			try {
				Files.createDirectories(this.directory);
				Files.write(this.directory.resolve(fileName), encrypted);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		this.jdbc.update(
				"insert into stored_document (file_name, reader_id, content_type, size_bytes, stored_at, attached, content)"
						+ " values (?, ?, ?, ?, ?, false, ?)",
				fileName, readerId, contentType, bytes.length, Timestamp.from(this.clock.instant()),
				(this.kind == Kind.DATABASE) ? encrypted : null);
		return new StoredDocument(fileName, contentType);
	}

	/**
	 * A submission takes the photo: it no longer expires. Joins the submission's
	 * transaction.
	 * @throws MissingDocumentException when it is no photo of this reader (any more)
	 */
	public void attach(String fileName, String readerId) {
		int attached = this.jdbc.update(
				"update stored_document set attached = true where file_name = ? and reader_id = ?", fileName, readerId);
		if (attached == 0 && (isListed(fileName) || !Files.exists(legacyFile(fileName)))) {
			// another reader's, expired, or never stored; a photo stored before the table
			// existed is a file only and is taken as it is
			throw new MissingDocumentException();
		}
	}

	/** The photo in clear, for staff and for the reader's own thumbnail. */
	public InputStream open(String fileName, String readerId) throws IOException {
		List<Map<String, Object>> rows = this.jdbc
			.queryForList("select reader_id, content from stored_document where file_name = ?", fileName);
		byte[] encrypted;
		if (!rows.isEmpty() && rows.get(0).get("content") != null) {
			encrypted = (byte[]) rows.get(0).get("content");
		}
		else {
			encrypted = Files.readAllBytes(resolve(fileName));
		}
		return new ByteArrayInputStream(this.crypto.decrypt(encrypted, context(readerId, fileName)));
	}

	/** A pending photo that no submission will take (replaced, or the step was gone). */
	public void discard(String fileName, String readerId) {
		int deleted = this.jdbc.update(
				"delete from stored_document where file_name = ? and reader_id = ? and attached = false", fileName,
				readerId);
		if (deleted > 0) {
			deleteFile(fileName);
		}
	}

	/**
	 * Erasure, in its transaction: the photo's row and, in the database kind, its
	 * content. A file in the directory goes with {@link #deleteFile} once the transaction
	 * has committed.
	 */
	public void erase(String fileName) {
		this.jdbc.update("delete from stored_document where file_name = ?", fileName);
	}

	/**
	 * Files are no part of the transaction: erasure removes them once the rows that name
	 * them are gone for good (in the database kind, there are none).
	 */
	public boolean deleteFile(String fileName) {
		try {
			return Files.deleteIfExists(resolve(fileName));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every photo the reader has stored, attached or pending (for erasure). */
	public List<String> documentsOf(String readerId) {
		return this.jdbc.queryForList("select file_name from stored_document where reader_id = ?", String.class,
				readerId);
	}

	/** What the reader stored since the given time (their quota). */
	public Usage usageSince(String readerId, Instant since) {
		return this.jdbc.queryForObject(
				"select count(*), coalesce(sum(size_bytes), 0) from stored_document where reader_id = ? and stored_at >= ?",
				(rs, row) -> new Usage(rs.getLong(1), rs.getLong(2)), readerId, Timestamp.from(since));
	}

	/**
	 * Pending photos that no submission took within
	 * {@code hcp-gate.storage.pending-lifetime} are erased. Safe on every node at once: a
	 * photo deleted twice is deleted once.
	 * @return how many were erased here
	 */
	@Scheduled(fixedDelayString = "${hcp-gate.storage.expiry-interval:PT10M}", initialDelayString = "PT1M")
	public int erasePendingDocuments() {
		Timestamp before = Timestamp.from(this.clock.instant().minus(this.pendingLifetime));
		List<String> expired = this.jdbc.queryForList(
				"select file_name from stored_document where attached = false and stored_at < ?", String.class, before);
		int erased = 0;
		for (String fileName : expired) {
			if (this.jdbc.update("delete from stored_document where file_name = ? and attached = false",
					fileName) > 0) {
				deleteFile(fileName);
				erased++;
			}
		}
		return erased;
	}

	public Kind getKind() {
		return this.kind;
	}

	private boolean isListed(String fileName) {
		return this.jdbc.queryForObject("select count(*) from stored_document where file_name = ?", Long.class,
				fileName) > 0;
	}

	private Path legacyFile(String fileName) {
		try {
			return resolve(fileName);
		}
		catch (NoSuchFileException outside) {
			return this.directory.resolve("missing" + SUFFIX);
		}
	}

	private Path resolve(String fileName) throws NoSuchFileException {
		Path file = this.directory.resolve(fileName).normalize();
		if (!file.startsWith(this.directory) || !fileName.endsWith(SUFFIX)) {
			throw new NoSuchFileException("Outside the store: " + fileName);
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
