package org.hcpgate.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/**
 * Real, small images for uploads: the site decodes and re-encodes every licence photo, so
 * a few magic bytes are no longer a "PNG".
 */
public final class TestImages {

	private TestImages() {
	}

	/** A 64×48 PNG that looks a little like a licence card. */
	public static byte[] png() {
		return encode(licenceCard(64, 48, BufferedImage.TYPE_INT_RGB), "png");
	}

	public static byte[] jpeg() {
		return encode(licenceCard(64, 48, BufferedImage.TYPE_INT_RGB), "jpeg");
	}

	public static BufferedImage licenceCard(int width, int height, int type) {
		BufferedImage image = new BufferedImage(width, height, type);
		Graphics2D graphics = image.createGraphics();
		try {
			graphics.setColor(new Color(0xF4, 0xF7, 0xFB));
			graphics.fillRect(0, 0, width, height);
			graphics.setColor(new Color(0x1F, 0x6F, 0xB2));
			graphics.fillRect(width / 16, height / 12, width / 3, height / 2);
			graphics.setColor(Color.DARK_GRAY);
			for (int y = height / 6; y < height - 4; y += 6) {
				graphics.drawLine(width / 2 - 4, y, width - 6, y);
			}
		}
		finally {
			graphics.dispose();
		}
		return image;
	}

	public static byte[] encode(BufferedImage image, String format) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, format, out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
