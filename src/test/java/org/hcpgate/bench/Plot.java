package org.hcpgate.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.function.ToDoubleFunction;

import javax.imageio.ImageIO;

/**
 * The suite's plots: a horizontal bar chart in SVG (each measured ratio beside the line
 * of its target), and a PNG of throughput and latency against load.
 */
final class Plot {

	record Bar(String label, double value, double target) {
	}

	private Plot() {
	}

	static String bars(String title, List<Bar> bars) {
		double max = bars.stream().mapToDouble(bar -> Math.max(bar.value(), bar.target())).max().orElse(1) * 1.1;
		int labelWidth = 330;
		int width = 820;
		int plot = width - labelWidth - 80;
		int row = 34;
		int height = 50 + bars.size() * row + 30;
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
			.append(width)
			.append("\" height=\"")
			.append(height)
			.append("\" font-family=\"sans-serif\" font-size=\"13\">\n");
		svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
		svg.append("<text x=\"10\" y=\"24\" font-size=\"15\" font-weight=\"bold\">")
			.append(escape(title))
			.append("</text>\n");
		for (int i = 0; i < bars.size(); i++) {
			Bar bar = bars.get(i);
			int y = 44 + i * row;
			int length = (int) Math.round(plot * Math.min(bar.value(), max) / max);
			int target = labelWidth + (int) Math.round(plot * bar.target() / max);
			boolean met = bar.value() >= bar.target();
			svg.append("<text x=\"10\" y=\"")
				.append(y + 17)
				.append("\">")
				.append(escape(bar.label()))
				.append("</text>\n");
			svg.append("<rect x=\"")
				.append(labelWidth)
				.append("\" y=\"")
				.append(y + 4)
				.append("\" width=\"")
				.append(Math.max(1, length))
				.append("\" height=\"18\" fill=\"")
				.append(met ? "#2e7d32" : "#c62828")
				.append("\"/>\n");
			svg.append("<line x1=\"")
				.append(target)
				.append("\" x2=\"")
				.append(target)
				.append("\" y1=\"")
				.append(y)
				.append("\" y2=\"")
				.append(y + 26)
				.append("\" stroke=\"black\" stroke-dasharray=\"3,2\"/>\n");
			svg.append("<text x=\"")
				.append(labelWidth + length + 6)
				.append("\" y=\"")
				.append(y + 18)
				.append("\">")
				.append(String.format("%.2f", bar.value()))
				.append("</text>\n");
		}
		svg.append("<text x=\"10\" y=\"")
			.append(height - 10)
			.append("\" fill=\"#555\">bar: measured (green: target met), dashed line: target; higher is better</text>\n");
		svg.append("</svg>\n");
		return svg.toString();
	}

	/**
	 * Two panels over the clients reading at once (doubling, so a log scale): pages per
	 * second, and p50 and p99 latency (log scale) with the 1 s line.
	 */
	static byte[] loadPng(String title, List<GateBenchmark.Step> steps) throws Exception {
		int width = 1000;
		int height = 420;
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, width, height);
		g.setColor(Color.BLACK);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
		g.drawString(title, 20, 26);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
		double maxRate = steps.stream().mapToDouble(GateBenchmark.Step::perSecond).max().orElse(1) * 1.15;
		double maxLatency = Math.max(1500, steps.stream().mapToDouble(GateBenchmark.Step::p99).max().orElse(1) * 1.5);
		panel(g, steps, 70, 50, 390, 300, "pages per second", 0, maxRate, false,
				List.of(new Series("pages/s", new Color(0x1a6fb0), GateBenchmark.Step::perSecond)), -1);
		panel(g, steps, 570, 50, 390, 300, "latency, ms (log)", 1, maxLatency, true,
				List.of(new Series("p50", new Color(0x2e7d32), GateBenchmark.Step::p50),
						new Series("p99", new Color(0xc62828), GateBenchmark.Step::p99)),
				1000);
		g.dispose();
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(image, "png", png);
		return png.toByteArray();
	}

	private record Series(String name, Color color, ToDoubleFunction<GateBenchmark.Step> value) {
	}

	private static void panel(Graphics2D g, List<GateBenchmark.Step> steps, int x, int y, int w, int h, String label,
			double min, double max, boolean log, List<Series> series, double line) {
		double firstClients = steps.get(0).clients();
		double lastClients = Math.max(steps.get(steps.size() - 1).clients(), firstClients * 2);
		ToDoubleFunction<Double> px = clients -> x
				+ w * (Math.log(clients) - Math.log(firstClients)) / (Math.log(lastClients) - Math.log(firstClients));
		ToDoubleFunction<Double> py = value -> {
			double v = Math.max(value, min);
			double share = log ? (Math.log(v) - Math.log(Math.max(min, 1e-9))) / (Math.log(max) - Math.log(min))
					: (v - min) / (max - min);
			return y + h - h * Math.min(1, share);
		};
		g.setColor(Color.BLACK);
		g.drawRect(x, y, w, h);
		g.drawString(label, x, y - 6);
		g.drawString("clients reading at once", x + w / 2 - 60, y + h + 34);
		for (GateBenchmark.Step step : steps) {
			int tx = (int) px.applyAsDouble((double) step.clients());
			g.drawLine(tx, y + h, tx, y + h + 4);
			g.drawString(Integer.toString(step.clients()), tx - 8, y + h + 17);
		}
		for (int tick = 0; tick <= 4; tick++) {
			double value = log ? Math.exp(Math.log(min) + (Math.log(max) - Math.log(min)) * tick / 4)
					: min + (max - min) * tick / 4;
			int ty = (int) py.applyAsDouble(value);
			g.drawLine(x - 4, ty, x, ty);
			g.drawString(String.format("%.0f", value), x - 50, ty + 4);
		}
		if (line > 0) {
			int ly = (int) py.applyAsDouble(line);
			g.setColor(Color.GRAY);
			g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] { 4, 3 }, 0));
			g.drawLine(x, ly, x + w, ly);
			g.drawString("1 s", x + w - 24, ly - 4);
			g.setStroke(new BasicStroke(1));
		}
		int legend = 0;
		for (Series s : series) {
			g.setColor(s.color());
			g.setStroke(new BasicStroke(2));
			int[] xs = new int[steps.size()];
			int[] ys = new int[steps.size()];
			for (int i = 0; i < steps.size(); i++) {
				xs[i] = (int) px.applyAsDouble((double) steps.get(i).clients());
				ys[i] = (int) py.applyAsDouble(s.value().applyAsDouble(steps.get(i)));
				g.fillOval(xs[i] - 3, ys[i] - 3, 6, 6);
			}
			g.drawPolyline(xs, ys, xs.length);
			g.drawString(s.name(), x + w - 40, y + h - 12 - legend * 16);
			legend++;
		}
		g.setStroke(new BasicStroke(1));
		g.setColor(Color.BLACK);
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
