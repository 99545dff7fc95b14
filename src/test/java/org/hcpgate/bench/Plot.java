package org.hcpgate.bench;

import java.util.List;

/** A horizontal bar chart in SVG: each measured ratio beside the line of its target. */
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

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
