package org.hcpgate.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The multipart reader behind {@link OversizedUploads}: text fields kept wherever they
 * stand, a file's bytes passed over whatever their size, nothing held in memory but the
 * fields.
 */
class OversizedUploadsTest {

	static final String BOUNDARY = "----hcpgate7MA4YWxkTrZu0gW";

	@Test
	void textFieldsAroundAHugeFileAreKeptAndTheFileIsPassedOver() throws IOException {
		long fileSize = 64L * 1024 * 1024;
		InputStream body = new SequenceInputStream(java.util.Collections.enumeration(
				List.of(text(field("_csrf", "token-1") + field("realName", "陈医生") + fileHeader("photo", "licence.png")),
						new RepeatingStream(fileSize),
						text("\r\n" + field("licenceNumber", "110108199001") + "--" + BOUNDARY + "--\r\n"))));
		Map<String, List<String>> fields = OversizedUploads.readFields(body, BOUNDARY);
		assertThat(fields).containsEntry("_csrf", List.of("token-1"))
			.containsEntry("realName", List.of("陈医生"))
			.containsEntry("licenceNumber", List.of("110108199001"))
			.doesNotContainKey("photo");
	}

	@Test
	void aFieldThatLooksLikeTheBoundaryButIsNotIsKeptWhole() throws IOException {
		String tricky = "a\r\n--" + BOUNDARY.substring(0, 10) + "x and more";
		InputStream body = text(field("note", tricky) + "--" + BOUNDARY + "--\r\n");
		assertThat(OversizedUploads.readFields(body, BOUNDARY)).containsEntry("note", List.of(tricky));
	}

	@Test
	void aBrokenBodyGivesWhatCameBeforeTheBreak() throws IOException {
		InputStream body = text(field("realName", "陈医生") + fileHeader("photo", "x.png") + "truncated");
		assertThat(OversizedUploads.readFields(body, BOUNDARY)).containsOnlyKeys("realName");
	}

	private static String field(String name, String value) {
		return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
	}

	private static String fileHeader(String name, String fileName) {
		return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: image/png\r\n\r\n";
	}

	private static InputStream text(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	/** A file of any size, made as it is read: nothing of it is ever in memory. */
	static final class RepeatingStream extends InputStream {

		private long left;

		RepeatingStream(long size) {
			this.left = size;
		}

		@Override
		public int read() {
			if (this.left <= 0) {
				return -1;
			}
			this.left--;
			return (int) (this.left % 251);
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (this.left <= 0) {
				return -1;
			}
			int n = (int) Math.min(length, this.left);
			for (int i = 0; i < n; i++) {
				buffer[offset + i] = (byte) ((this.left - i) % 251);
			}
			this.left -= n;
			return n;
		}

	}

}
