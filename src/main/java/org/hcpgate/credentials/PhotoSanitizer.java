package org.hcpgate.credentials;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import org.springframework.stereotype.Component;

/**
 * Makes an uploaded licence photo safe to keep and to show: images are decoded, turned
 * upright by their EXIF orientation, and encoded anew (ImageIO read, then write), which
 * keeps the pixels and drops everything else — EXIF with its GPS position and camera
 * serial, comments, trailing bytes, anything hidden behind the image data. PDFs are kept
 * as they are, but only when they look like a plain document (a header, an end marker, no
 * scripts, no launch actions, no embedded files).
 * <p>
 * Called before {@link LicencePhotoStore} stores the bytes, so the store keeps only
 * sanitized files.
 */
@Component
public class PhotoSanitizer {

	/**
	 * A canvas larger than this is refused from its header, before anything is decoded: a
	 * small file may claim a huge one.
	 */
	static final long MAX_PIXELS = 400_000_000L;

	/**
	 * What is kept of a photo at most (about 4000 × 3000): a larger one is decoded at a
	 * coarser sampling, so its full raster is never allocated (a 7000 × 7000 16-bit PNG
	 * of a few hundred kilobytes would need 294 MB) and a licence stays readable.
	 */
	static final long MAX_KEPT_PIXELS = 12_000_000L;

	private static final List<String> PDF_ACTIVE_CONTENT = List.of("/JavaScript", "/JS", "/Launch", "/EmbeddedFile",
			"/RichMedia", "/XFA");

	/** Sanitized bytes and their content type, checked by content. */
	public record Sanitized(byte[] bytes, String contentType) {
	}

	/**
	 * @throws UnacceptablePhotoException when the bytes are no readable JPEG, PNG or PDF.
	 */
	public Sanitized sanitize(byte[] bytes) {
		String contentType = LicencePhotoStore.detectContentType(bytes);
		if (contentType == null) {
			throw new UnacceptablePhotoException();
		}
		return switch (contentType) {
			case "image/jpeg" -> new Sanitized(reencode(bytes, "jpeg", false), contentType);
			case "image/png" -> new Sanitized(reencode(bytes, "png", true), contentType);
			default -> new Sanitized(checkPdf(bytes), contentType);
		};
	}

	private static byte[] reencode(byte[] bytes, String format, boolean keepAlpha) {
		try {
			BufferedImage decoded = decode(bytes);
			int orientation = orientation(bytes);
			boolean turned = orientation >= 5;
			int width = turned ? decoded.getHeight() : decoded.getWidth();
			int height = turned ? decoded.getWidth() : decoded.getHeight();
			BufferedImage clean = new BufferedImage(width, height, (keepAlpha && decoded.getColorModel().hasAlpha())
					? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
			Graphics2D graphics = clean.createGraphics();
			try {
				// as the camera meant it to be seen: the orientation goes with the EXIF
				// below, so it is applied first
				graphics.drawImage(decoded, upright(orientation, decoded.getWidth(), decoded.getHeight()), null);
			}
			finally {
				graphics.dispose();
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
			if (!ImageIO.write(clean, format, out)) {
				throw new UnacceptablePhotoException();
			}
			return out.toByteArray();
		}
		catch (IOException | RuntimeException unreadable) {
			if (unreadable instanceof UnacceptablePhotoException refused) {
				throw refused;
			}
			throw new UnacceptablePhotoException();
		}
	}

	private static BufferedImage decode(byte[] bytes) throws IOException {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw new UnacceptablePhotoException();
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				if (pixels <= 0 || pixels > MAX_PIXELS) {
					throw new UnacceptablePhotoException();
				}
				ImageReadParam param = reader.getDefaultReadParam();
				int step = sampling(pixels);
				if (step > 1) {
					param.setSourceSubsampling(step, step, 0, 0);
				}
				BufferedImage image = reader.read(0, param);
				if (image == null) {
					throw new UnacceptablePhotoException();
				}
				return image;
			}
			finally {
				reader.dispose();
			}
		}
	}

	/** The EXIF orientation (1 to 8; 1 when there is none or it cannot be read). */
	static int orientation(byte[] bytes) {
		try {
			Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
			ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
			if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
				int orientation = exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
				return (orientation >= 1 && orientation <= 8) ? orientation : 1;
			}
		}
		catch (ImageProcessingException | MetadataException | IOException | RuntimeException unreadable) {
			// no orientation to honour: the image is kept as it is stored
		}
		return 1;
	}

	/**
	 * What turns an image stored as {@code width} x {@code height} with an EXIF
	 * orientation upright (TIFF 6.0: 2 mirrored, 3 turned 180°, 4 flipped, 5 to 8 the
	 * same turned 90°).
	 */
	static AffineTransform upright(int orientation, int width, int height) {
		AffineTransform transform = new AffineTransform();
		switch (orientation) {
			case 2 -> {
				transform.translate(width, 0);
				transform.scale(-1, 1);
			}
			case 3 -> {
				transform.translate(width, height);
				transform.rotate(Math.PI);
			}
			case 4 -> {
				transform.translate(0, height);
				transform.scale(1, -1);
			}
			case 5 -> {
				transform.rotate(Math.PI / 2);
				transform.scale(1, -1);
			}
			case 6 -> {
				transform.translate(height, 0);
				transform.rotate(Math.PI / 2);
			}
			case 7 -> {
				transform.scale(-1, 1);
				transform.translate(-height, width);
				transform.rotate(3 * Math.PI / 2);
			}
			case 8 -> {
				transform.translate(0, width);
				transform.rotate(3 * Math.PI / 2);
			}
			default -> {
			}
		}
		return transform;
	}

	/**
	 * Every how many pixels to read, across and down, to keep at most
	 * {@link #MAX_KEPT_PIXELS}.
	 */
	static int sampling(long pixels) {
		int step = 1;
		while (pixels / ((long) step * step) > MAX_KEPT_PIXELS) {
			step++;
		}
		return step;
	}

	private static byte[] checkPdf(byte[] bytes) {
		// Latin-1 maps every byte to one char: names and markers can be searched as text
		String text = new String(bytes, StandardCharsets.ISO_8859_1);
		String tail = text.substring(Math.max(0, text.length() - 1024));
		if (!tail.contains("%%EOF")) {
			throw new UnacceptablePhotoException();
		}
		for (String name : PDF_ACTIVE_CONTENT) {
			int at = text.indexOf(name);
			while (at >= 0) {
				int after = at + name.length();
				// a whole name only: "/JS" must not match "/JSomething"
				if (after >= text.length() || !Character.isLetterOrDigit(text.charAt(after))) {
					throw new UnacceptablePhotoException();
				}
				at = text.indexOf(name, after);
			}
		}
		return bytes;
	}

}
