package org.hcpgate.credentials;

import java.awt.Graphics2D;
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

import org.springframework.stereotype.Component;

/**
 * Makes an uploaded licence photo safe to keep and to show: images are decoded and
 * encoded anew (ImageIO read, then write), which keeps the pixels and drops everything
 * else — EXIF with its GPS position and camera serial, comments, trailing bytes, anything
 * hidden behind the image data. PDFs are kept as they are, but only when they look like a
 * plain document (a header, an end marker, no scripts, no launch actions, no embedded
 * files).
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
			BufferedImage clean = new BufferedImage(decoded.getWidth(), decoded.getHeight(),
					(keepAlpha && decoded.getColorModel().hasAlpha()) ? BufferedImage.TYPE_INT_ARGB
							: BufferedImage.TYPE_INT_RGB);
			Graphics2D graphics = clean.createGraphics();
			try {
				graphics.drawImage(decoded, 0, 0, null);
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
