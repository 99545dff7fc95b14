package org.hcpgate.vault;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.stereotype.Component;

/**
 * Makes an uploaded image or PDF safe to keep and to show: images are decoded, turned
 * upright by their EXIF orientation, and encoded anew (ImageIO read, then write), which
 * keeps the pixels and drops everything else — EXIF with its GPS position and camera
 * serial, comments, trailing bytes, anything hidden behind the image data. A PDF is
 * parsed by Apache PDFBox and only the image of its first page is kept (a PNG at up to
 * 150 dpi): scripts, actions, forms, embedded files and every other page stay behind, and
 * no PDF a reader sent is ever stored or served.
 * <p>
 * Called before {@link DocumentStore} stores the bytes, so the store keeps only sanitized
 * files.
 */
@Component
public class ImageSanitizer {

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

	/** How finely a PDF's first page is rendered: a licence stays readable. */
	static final float PDF_DPI = 150;

	/** Sanitized bytes and their content type, checked by content. */
	public record Sanitized(byte[] bytes, String contentType) {
	}

	/**
	 * @throws UnacceptableDocumentException when the bytes are no readable JPEG, PNG or
	 * PDF.
	 */
	public Sanitized sanitize(byte[] bytes) {
		String contentType = DocumentStore.detectContentType(bytes);
		if (contentType == null) {
			throw new UnacceptableDocumentException();
		}
		return switch (contentType) {
			case "image/jpeg" -> new Sanitized(reencode(bytes, "jpeg", false), contentType);
			case "image/png" -> new Sanitized(reencode(bytes, "png", true), contentType);
			default -> new Sanitized(renderFirstPage(bytes), "image/png");
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
				throw new UnacceptableDocumentException();
			}
			return out.toByteArray();
		}
		catch (IOException | RuntimeException unreadable) {
			throw refusal(unreadable);
		}
	}

	private static BufferedImage decode(byte[] bytes) throws IOException {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw new UnacceptableDocumentException();
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				if (pixels <= 0 || pixels > MAX_PIXELS) {
					throw new UnacceptableDocumentException();
				}
				ImageReadParam param = reader.getDefaultReadParam();
				int step = sampling(pixels);
				if (step > 1) {
					param.setSourceSubsampling(step, step, 0, 0);
				}
				BufferedImage image = reader.read(0, param);
				if (image == null) {
					throw new UnacceptableDocumentException();
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

	/**
	 * The first page of a PDF as a PNG. PDFBox runs no script; an encrypted, broken or
	 * empty document, or a page of absurd size, is refused.
	 */
	private static byte[] renderFirstPage(byte[] bytes) {
		try (PDDocument document = Loader.loadPDF(bytes)) {
			if (document.getNumberOfPages() < 1) {
				throw new UnacceptableDocumentException();
			}
			PDRectangle box = document.getPage(0).getCropBox();
			double inches = (box.getWidth() / 72.0) * (box.getHeight() / 72.0);
			if (!(inches > 0) || inches > 10_000) {
				throw new UnacceptableDocumentException();
			}
			float dpi = (float) Math.min(PDF_DPI, Math.sqrt(MAX_KEPT_PIXELS / inches));
			PDFRenderer renderer = new PDFRenderer(document);
			// large images inside the page are read at the rendering's resolution
			renderer.setSubsamplingAllowed(true);
			BufferedImage page = renderer.renderImageWithDPI(0, dpi, ImageType.RGB);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			if (!ImageIO.write(page, "png", out)) {
				throw new UnacceptableDocumentException();
			}
			return out.toByteArray();
		}
		catch (IOException | RuntimeException unreadable) {
			throw refusal(unreadable);
		}
	}

	/** Whatever could not be read is refused as such; a refusal stays itself. */
	private static UnacceptableDocumentException refusal(Exception unreadable) {
		return (unreadable instanceof UnacceptableDocumentException refused) ? refused
				: new UnacceptableDocumentException();
	}

}
