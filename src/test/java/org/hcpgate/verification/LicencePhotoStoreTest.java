package org.hcpgate.verification;

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

	@Test
	void theTypeComesFromTheContentNotTheNameOrTheBrowsersClaim() {
		LicencePhotoStore store = new LicencePhotoStore(this.directory);
		StoredPhoto stored = store.store(new MockMultipartFile("photo", "licence.pdf", "application/pdf", PNG));
		assertThat(stored.contentType()).isEqualTo("image/png");
		assertThat(stored.fileName()).endsWith(".png").doesNotContain("licence");
		assertThat(LicencePhotoStore.detectContentType(JPEG)).isEqualTo("image/jpeg");
		assertThat(LicencePhotoStore.detectContentType("%PDF-1.7".getBytes())).isEqualTo("application/pdf");
	}

	@Test
	void anythingElseIsRefusedAndNothingIsWritten() throws IOException {
		LicencePhotoStore store = new LicencePhotoStore(this.directory);
		assertThatThrownBy(() -> store
			.store(new MockMultipartFile("photo", "licence.png", "image/png", "<html>".getBytes())))
			.isInstanceOf(UnacceptablePhotoException.class);
		assertThatThrownBy(() -> store.store(new MockMultipartFile("photo", "x.png", "image/png", new byte[] { 1 })))
			.isInstanceOf(UnacceptablePhotoException.class);
		try (var files = Files.list(this.directory)) {
			assertThat(files).isEmpty();
		}
	}

	@Test
	void aStoredPhotoReadsBackAndNamesCannotEscapeTheStore() throws IOException {
		LicencePhotoStore store = new LicencePhotoStore(this.directory);
		StoredPhoto stored = store.store(new MockMultipartFile("photo", "a.jpg", "image/jpeg", JPEG));
		try (InputStream in = store.open(stored.fileName())) {
			assertThat(in.readAllBytes()).isEqualTo(JPEG);
		}
		assertThatThrownBy(() -> store.open("../../etc/passwd")).isInstanceOf(IOException.class);
	}

}
