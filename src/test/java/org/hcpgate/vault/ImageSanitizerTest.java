package org.hcpgate.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import javax.imageio.ImageIO;

import org.hcpgate.support.TestImages;
import org.hcpgate.support.TestPdfs;
import org.junit.jupiter.api.Test;

class ImageSanitizerTest {

	final ImageSanitizer sanitizer = new ImageSanitizer();

	@Test
	void aJpegIsReencodedWithoutItsExifAndTrailingBytes() throws Exception {
		byte[] jpeg = TestImages.jpeg();
		ByteArrayOutputStream dirty = new ByteArrayOutputStream();
		dirty.write(jpeg, 0, 2);
		byte[] exif = "Exif\0\0SECRET-SERIAL-123".getBytes(StandardCharsets.ISO_8859_1);
		dirty.write(new byte[] { (byte) 0xFF, (byte) 0xE1, 0, (byte) (exif.length + 2) });
		dirty.write(exif);
		dirty.write(Arrays.copyOfRange(jpeg, 2, jpeg.length));
		dirty.write("<script>trailing</script>".getBytes(StandardCharsets.ISO_8859_1));

		ImageSanitizer.Sanitized clean = this.sanitizer.sanitize(dirty.toByteArray());
		String text = new String(clean.bytes(), StandardCharsets.ISO_8859_1);
		assertThat(clean.contentType()).isEqualTo("image/jpeg");
		assertThat(text).doesNotContain("SECRET-SERIAL").doesNotContain("Exif").doesNotContain("<script>");
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(clean.bytes()));
		assertThat(image.getWidth()).isEqualTo(64);
		assertThat(image.getHeight()).isEqualTo(48);
	}

	@Test
	void aPngKeepsItsPixelsAndTransparency() throws Exception {
		BufferedImage transparent = TestImages.licenceCard(32, 24, BufferedImage.TYPE_INT_ARGB);
		transparent.setRGB(0, 0, 0x00FFFFFF);
		ImageSanitizer.Sanitized clean = this.sanitizer.sanitize(TestImages.encode(transparent, "png"));
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(clean.bytes()));
		assertThat(clean.contentType()).isEqualTo("image/png");
		assertThat(image.getRGB(5, 5)).isEqualTo(transparent.getRGB(5, 5));
		assertThat(image.getRGB(0, 0) >>> 24).isZero();
	}

	@Test
	void bytesThatOnlyLookLikeAnImageAreRefused() {
		byte[] fakePng = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0 };
		assertThatThrownBy(() -> this.sanitizer.sanitize(fakePng)).isInstanceOf(UnacceptableDocumentException.class);
		byte[] fakeJpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2 };
		assertThatThrownBy(() -> this.sanitizer.sanitize(fakeJpeg)).isInstanceOf(UnacceptableDocumentException.class);
		assertThatThrownBy(() -> this.sanitizer.sanitize("GIF89a".getBytes()))
			.isInstanceOf(UnacceptableDocumentException.class);
	}

	@Test
	void aHugeCanvasIsRefusedBeforeDecoding() throws Exception {
		// a valid PNG header claiming 100000 x 100000 pixels
		byte[] png = TestImages.png();
		byte[] huge = png.clone();
		// IHDR width and height start at byte 16
		writeInt(huge, 16, 100_000);
		writeInt(huge, 20, 100_000);
		assertThatThrownBy(() -> this.sanitizer.sanitize(huge)).isInstanceOf(UnacceptableDocumentException.class);
	}

	@Test
	void aPdfIsKeptOnlyAsTheImageOfItsFirstPage() throws Exception {
		ImageSanitizer.Sanitized clean = this.sanitizer.sanitize(TestPdfs.licence());
		assertThat(clean.contentType()).isEqualTo("image/png");
		BufferedImage page = ImageIO.read(new ByteArrayInputStream(clean.bytes()));
		// A6 (105 x 148 mm) at 150 dpi; the dark card is drawn in the middle
		assertThat(page.getWidth()).isBetween(615, 625);
		assertThat(page.getHeight()).isBetween(870, 880);
		assertThat(new Color(page.getRGB(page.getWidth() / 2, page.getHeight() - 200)).getBlue()).isLessThan(200);
	}

	@Test
	void aPdfsScriptsEmbeddedFilesAndOtherPagesStayBehindWhateverTheirSpelling() {
		byte[] hostile = TestPdfs.hostile();
		assertThat(new String(hostile, StandardCharsets.ISO_8859_1)).contains("/J#61vaScript")
			.doesNotContain("/JavaScript");
		for (byte[] pdf : new byte[][] { hostile, TestPdfs.hostileInObjectStreams() }) {
			ImageSanitizer.Sanitized clean = this.sanitizer.sanitize(pdf);
			assertThat(clean.contentType()).isEqualTo("image/png");
			String kept = new String(clean.bytes(), StandardCharsets.ISO_8859_1);
			assertThat(kept).doesNotContain(TestPdfs.SCRIPT).doesNotContain("payload.exe").doesNotContain("%PDF");
		}
	}

	@Test
	void aBrokenOrEmptyPdfIsRefused() {
		byte[] truncated = "%PDF-1.4\n<< /Type /Catalog >>\n".getBytes(StandardCharsets.ISO_8859_1);
		assertThatThrownBy(() -> this.sanitizer.sanitize(truncated)).isInstanceOf(UnacceptableDocumentException.class);
		byte[] licence = TestPdfs.licence();
		byte[] cut = Arrays.copyOf(licence, licence.length / 3);
		assertThatThrownBy(() -> this.sanitizer.sanitize(cut)).isInstanceOf(UnacceptableDocumentException.class);
	}

	private static void writeInt(byte[] bytes, int at, int value) {
		bytes[at] = (byte) (value >>> 24);
		bytes[at + 1] = (byte) (value >>> 16);
		bytes[at + 2] = (byte) (value >>> 8);
		bytes[at + 3] = (byte) value;
	}

	/**
	 * An image bomb: a 7000 x 7000 16-bit PNG of a few hundred kilobytes would need a 294
	 * MB raster. It is read at a coarser sampling (its full raster is never allocated)
	 * and kept at a size a licence stays readable at.
	 */
	@Test
	void aHugeCanvasInASmallPngIsReadAtACoarserSamplingNotAsItsFullRaster() throws Exception {
		byte[] bomb = png16(7000, 7000, true);
		assertThat(bomb.length).as("a small file").isLessThan(1_000_000);
		ImageSanitizer.Sanitized kept = new ImageSanitizer().sanitize(bomb);
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(kept.bytes()));
		assertThat((long) image.getWidth() * image.getHeight()).isLessThanOrEqualTo(ImageSanitizer.MAX_KEPT_PIXELS);
		assertThat(image.getWidth()).isGreaterThan(2000);
	}

	/**
	 * A canvas past the ceiling is refused from its header alone: no pixel is decoded.
	 */
	@Test
	void aCanvasPastTheCeilingIsRefusedFromItsHeader() throws Exception {
		byte[] claim = png16(30_000, 30_000, false);
		assertThatThrownBy(() -> new ImageSanitizer().sanitize(claim))
			.isInstanceOf(UnacceptableDocumentException.class);
	}

	/**
	 * A phone photo taken upright is stored sideways with EXIF orientation 6: it is kept
	 * upright (turned 90° clockwise), not shown on its side once the EXIF is gone.
	 */
	@Test
	void aPhonePhotoStoredSidewaysIsKeptUpright() throws Exception {
		BufferedImage stored = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < 40; x++) {
			for (int y = 0; y < 20; y++) {
				stored.setRGB(x, y, (x < 20) ? 0xFF0000 : 0x0000FF);
			}
		}
		ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
		ImageIO.write(stored, "jpeg", jpeg);
		byte[] withOrientation = withExifOrientation(jpeg.toByteArray(), 6);
		assertThat(ImageSanitizer.orientation(withOrientation)).isEqualTo(6);

		ImageSanitizer.Sanitized kept = new ImageSanitizer().sanitize(withOrientation);
		BufferedImage upright = ImageIO.read(new ByteArrayInputStream(kept.bytes()));
		assertThat(upright.getWidth()).isEqualTo(20);
		assertThat(upright.getHeight()).isEqualTo(40);
		// the stored left half (red) is now the top half
		assertThat(red(upright.getRGB(10, 5))).isGreaterThan(blue(upright.getRGB(10, 5)));
		assertThat(blue(upright.getRGB(10, 35))).isGreaterThan(red(upright.getRGB(10, 35)));
		assertThat(ImageSanitizer.orientation(kept.bytes())).as("no EXIF kept").isEqualTo(1);
	}

	/** Every orientation lands the stored image exactly on the upright canvas. */
	@Test
	void everyOrientationMapsTheStoredImageOntoTheUprightCanvas() {
		int width = 40;
		int height = 20;
		for (int orientation = 1; orientation <= 8; orientation++) {
			java.awt.geom.AffineTransform transform = ImageSanitizer.upright(orientation, width, height);
			java.awt.geom.Rectangle2D landed = transform
				.createTransformedShape(new java.awt.Rectangle(0, 0, width, height))
				.getBounds2D();
			boolean turned = orientation >= 5;
			assertThat(landed.getMinX()).as("orientation %d", orientation).isCloseTo(0, within(1e-9));
			assertThat(landed.getMinY()).as("orientation %d", orientation).isCloseTo(0, within(1e-9));
			assertThat(landed.getWidth()).isCloseTo(turned ? height : width, within(1e-9));
			assertThat(landed.getHeight()).isCloseTo(turned ? width : height, within(1e-9));
		}
	}

	private static int red(int rgb) {
		return (rgb >> 16) & 0xFF;
	}

	private static int blue(int rgb) {
		return rgb & 0xFF;
	}

	/** The JPEG with an APP1 Exif segment holding only IFD0's orientation tag. */
	private static byte[] withExifOrientation(byte[] jpeg, int orientation) throws IOException {
		ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 12 + 4);
		tiff.put(new byte[] { 'M', 'M', 0, 42 }).putInt(8);
		tiff.putShort((short) 1);
		tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
		tiff.putInt(0);
		byte[] exif = new byte[6 + tiff.capacity()];
		System.arraycopy(new byte[] { 'E', 'x', 'i', 'f', 0, 0 }, 0, exif, 0, 6);
		System.arraycopy(tiff.array(), 0, exif, 6, tiff.capacity());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, 2);
		out.write(new byte[] { (byte) 0xFF, (byte) 0xE1 });
		out.write(ByteBuffer.allocate(2).putShort((short) (exif.length + 2)).array());
		out.write(exif);
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

	/** A 16-bit RGB PNG of zeros; with {@code data} false, its image data is a stub. */
	private static byte[] png16(int width, int height, boolean data) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
		ByteBuffer header = ByteBuffer.allocate(13);
		header.putInt(width).putInt(height).put((byte) 16).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
		chunk(out, "IHDR", header.array());
		ByteArrayOutputStream idat = new ByteArrayOutputStream();
		try (DeflaterOutputStream deflate = new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_COMPRESSION),
				1 << 16)) {
			byte[] row = new byte[1 + width * 6];
			for (int y = 0; y < (data ? height : 1); y++) {
				deflate.write(row);
			}
		}
		chunk(out, "IDAT", idat.toByteArray());
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
		ByteBuffer length = ByteBuffer.allocate(4).putInt(data.length);
		out.write(length.array());
		byte[] name = type.getBytes(StandardCharsets.US_ASCII);
		out.write(name);
		out.write(data);
		CRC32 crc = new CRC32();
		crc.update(name);
		crc.update(data);
		out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

}
