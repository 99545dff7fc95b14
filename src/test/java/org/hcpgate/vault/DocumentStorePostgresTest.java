package org.hcpgate.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.hcpgate.vault.DocumentStore.Kind;
import org.hcpgate.support.PostgresRepositoryTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Licence photos in PostgreSQL (or a shared directory): encrypted, bound to their reader,
 * listed for quota, expiry and erasure.
 */
class DocumentStorePostgresTest extends PostgresRepositoryTest {

	static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2 };

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 9 };

	@TempDir
	Path directory;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PersonalDataCrypto crypto;

	final String reader = "r-" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void theTypeComesFromTheContentAndOnlyImagesAreKept() {
		DocumentStore store = store(Kind.DATABASE, Clock.systemUTC());
		StoredDocument stored = store.store(PNG, this.reader);
		assertThat(stored.contentType()).isEqualTo("image/png");
		assertThat(stored.fileName()).endsWith(".enc");
		assertThat(store.store(JPEG, this.reader).contentType()).isEqualTo("image/jpeg");
		// a PDF is kept only as the image the sanitizer renders of it
		assertThatThrownBy(() -> store.store("%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1), this.reader))
			.isInstanceOf(UnacceptableDocumentException.class);
		assertThatThrownBy(() -> store.store("<html>".getBytes(StandardCharsets.ISO_8859_1), this.reader))
			.isInstanceOf(UnacceptableDocumentException.class);
		assertThat(store.documentsOf(this.reader)).hasSize(2);
	}

	@Test
	void inTheDatabaseAPhotoIsEncryptedAndOpensOnlyForItsReaderOnAnyNode() throws IOException {
		DocumentStore one = store(Kind.DATABASE, Clock.systemUTC());
		DocumentStore other = store(Kind.DATABASE, Clock.systemUTC());
		byte[] marked = marked();
		StoredDocument stored = one.store(marked, this.reader);
		byte[] atRest = this.jdbc.queryForObject("select content from stored_document where file_name = ?",
				byte[].class, stored.fileName());
		assertThat(new String(atRest, StandardCharsets.ISO_8859_1)).doesNotContain("MARKER-PHOTO");
		try (var files = Files.list(this.directory)) {
			assertThat(files).isEmpty();
		}
		try (InputStream in = other.open(stored.fileName(), this.reader)) {
			assertThat(in.readAllBytes()).isEqualTo(marked);
		}
		assertThatThrownBy(() -> other.open(stored.fileName(), "someone-else"))
			.isInstanceOf(IllegalStateException.class);
		other.erase(stored.fileName());
		assertThat(one.documentsOf(this.reader)).isEmpty();
	}

	@Test
	void inASharedDirectoryTheFileIsEncryptedAndNamesCannotEscapeIt() throws IOException {
		DocumentStore store = store(Kind.DIRECTORY, Clock.systemUTC());
		StoredDocument stored = store.store(marked(), this.reader);
		Path file = this.directory.resolve(stored.fileName());
		assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).doesNotContain("MARKER-PHOTO");
		try (InputStream in = store.open(stored.fileName(), this.reader)) {
			assertThat(in.readAllBytes()).isEqualTo(marked());
		}
		assertThatThrownBy(() -> store.open("../../etc/passwd", this.reader)).isInstanceOf(IOException.class);
		assertThatThrownBy(() -> store.open("../outside.enc", this.reader)).isInstanceOf(IOException.class);
		store.erase(stored.fileName());
		assertThat(store.deleteFile(stored.fileName())).isTrue();
		assertThat(Files.exists(file)).isFalse();
	}

	@Test
	void aPendingPhotoExpiresUnlessASubmissionTookIt() {
		MutableClock clock = new MutableClock();
		DocumentStore store = store(Kind.DATABASE, clock);
		StoredDocument taken = store.store(JPEG, this.reader);
		StoredDocument pending = store.store(PNG, this.reader);
		store.attach(taken.fileName(), this.reader);
		clock.now = clock.now.plus(Duration.ofHours(3));
		assertThat(store.erasePendingDocuments()).isGreaterThanOrEqualTo(1);
		assertThat(store.documentsOf(this.reader)).containsExactly(taken.fileName());
		// too late: the reader is asked for the photo again
		assertThatThrownBy(() -> store.attach(pending.fileName(), this.reader))
			.isInstanceOf(MissingDocumentException.class);
	}

	@Test
	void noReaderCanAttachAnotherReadersPhoto() {
		DocumentStore store = store(Kind.DATABASE, Clock.systemUTC());
		StoredDocument theirs = store.store(JPEG, this.reader);
		assertThatThrownBy(() -> store.attach(theirs.fileName(), "someone-else"))
			.isInstanceOf(MissingDocumentException.class);
		assertThatThrownBy(() -> store.attach(UUID.randomUUID() + ".enc", "someone-else"))
			.isInstanceOf(MissingDocumentException.class);
		// nor discard it
		store.discard(theirs.fileName(), "someone-else");
		assertThat(store.documentsOf(this.reader)).containsExactly(theirs.fileName());
	}

	@Test
	void aReadersUsageCountsThePhotosAndBytesOfTheDay() {
		DocumentStore store = store(Kind.DATABASE, Clock.systemUTC());
		store.store(JPEG, this.reader);
		store.store(PNG, this.reader);
		assertThat(store.usageSince(this.reader, Instant.now().minus(Duration.ofDays(1))))
			.isEqualTo(new DocumentStore.Usage(2, JPEG.length + PNG.length));
		assertThat(store.usageSince("nobody-" + this.reader, Instant.now().minus(Duration.ofDays(1))))
			.isEqualTo(new DocumentStore.Usage(0, 0));
	}

	private DocumentStore store(Kind kind, Clock clock) {
		return new DocumentStore(this.jdbc, kind, this.directory, Duration.ofHours(2), this.crypto, clock);
	}

	private static byte[] marked() {
		byte[] marked = new byte[JPEG.length + 12];
		System.arraycopy(JPEG, 0, marked, 0, JPEG.length);
		System.arraycopy("MARKER-PHOTO".getBytes(StandardCharsets.US_ASCII), 0, marked, JPEG.length, 12);
		return marked;
	}

	static class MutableClock extends Clock {

		Instant now = Instant.now();

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
