package org.hcpgate.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockMultipartFile;

class LicencePhotoStoreTest {

	static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2 };

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 9 };

	@TempDir
	Path directory;

	final PersonalDataCrypto crypto = PersonalDataCrypto.withNewKeys();

	@Test
	void theTypeComesFromTheContentNotTheNameOrTheBrowsersClaim() {
		LicencePhotoStore store = new LicencePhotoStore(this.directory, this.crypto);
		StoredPhoto stored = store.store(new MockMultipartFile("photo", "licence.pdf", "application/pdf", PNG), "7");
		assertThat(stored.contentType()).isEqualTo("image/png");
		assertThat(stored.fileName()).endsWith(".enc").doesNotContain("licence");
		assertThat(LicencePhotoStore.detectContentType(JPEG)).isEqualTo("image/jpeg");
		assertThat(LicencePhotoStore.detectContentType("%PDF-1.7".getBytes())).isEqualTo("application/pdf");
	}

	@Test
	void anythingElseIsRefusedAndNothingIsWritten() throws IOException {
		LicencePhotoStore store = new LicencePhotoStore(this.directory, this.crypto);
		assertThatThrownBy(
				() -> store.store(new MockMultipartFile("photo", "licence.png", "image/png", "<html>".getBytes()), "7"))
			.isInstanceOf(UnacceptablePhotoException.class);
		assertThatThrownBy(
				() -> store.store(new MockMultipartFile("photo", "x.png", "image/png", new byte[] { 1 }), "7"))
			.isInstanceOf(UnacceptablePhotoException.class);
		try (var files = Files.list(this.directory)) {
			assertThat(files).isEmpty();
		}
	}

	@Test
	void aStoredPhotoReadsBackAndNamesCannotEscapeTheStore() throws IOException {
		LicencePhotoStore store = new LicencePhotoStore(this.directory, this.crypto);
		StoredPhoto stored = store.store(new MockMultipartFile("photo", "a.jpg", "image/jpeg", JPEG), "7");
		try (InputStream in = store.open(stored.fileName(), "7")) {
			assertThat(in.readAllBytes()).isEqualTo(JPEG);
		}
		assertThatThrownBy(() -> store.open("../../etc/passwd", "7")).isInstanceOf(IOException.class);
		assertThatThrownBy(() -> store.open("../outside.enc", "7")).isInstanceOf(IOException.class);
	}

	@Test
	void photosAreEncryptedAtRestAndOpenOnlyForTheirReader() throws IOException {
		LicencePhotoStore store = new LicencePhotoStore(this.directory, this.crypto);
		byte[] marked = new byte[JPEG.length + 12];
		System.arraycopy(JPEG, 0, marked, 0, JPEG.length);
		System.arraycopy("MARKER-PHOTO".getBytes(), 0, marked, JPEG.length, 12);
		StoredPhoto stored = store.store(new MockMultipartFile("photo", "a.jpg", "image/jpeg", marked), "7");
		byte[] atRest = Files.readAllBytes(this.directory.resolve(stored.fileName()));
		assertThat(new String(atRest, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("MARKER-PHOTO");
		assertThatThrownBy(() -> store.open(stored.fileName(), "8")).isInstanceOf(IllegalStateException.class);
		assertThat(store.delete(stored.fileName())).isTrue();
		assertThat(Files.exists(this.directory.resolve(stored.fileName()))).isFalse();
	}

}
