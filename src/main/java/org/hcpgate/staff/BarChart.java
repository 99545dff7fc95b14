package org.hcpgate.staff;

import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart laid out for inline SVG on the server (no script, no CDN): the template
 * only draws the rectangles and labels computed here. Values are scaled to the largest
 * one (or to {@code max} when given, e.g. 100 for percentages).
 */
record BarChart(String id, int width, int height, List<Bar> bars, int baseline, String empty) {

	static final int WIDTH = 640;

	static final int HEIGHT = 220;

	private static final int TOP = 24;

	private static final int BOTTOM = 36;

	private static final int SIDE = 12;

	/** One bar: its box, its label under the axis and its value above the bar. */
	record Bar(String label, String valueText, double x, double y, double width, double height, double labelX,
			double valueY) {
	}

	/** A value to draw. */
	record Point(String label, double value, String valueText) {
	}

	static BarChart of(String id, List<Point> points, Double max) {
		int baseline = HEIGHT - BOTTOM;
		double top = (max != null) ? max : points.stream().mapToDouble(Point::value).max().orElse(0);
		List<Bar> bars = new ArrayList<>();
		if (!points.isEmpty()) {
			double slot = (WIDTH - 2.0 * SIDE) / points.size();
			double barWidth = Math.max(4, slot * 0.7);
			for (int i = 0; i < points.size(); i++) {
				Point point = points.get(i);
				double h = (top <= 0) ? 0 : (baseline - TOP) * Math.min(point.value(), top) / top;
				double x = SIDE + i * slot + (slot - barWidth) / 2;
				bars.add(new Bar(point.label(), point.valueText(), round(x), round(baseline - h), round(barWidth),
						round(h), round(x + barWidth / 2), round(baseline - h - 6)));
			}
		}
		return new BarChart(id, WIDTH, HEIGHT, bars, baseline, null);
	}

	public String viewBox() {
		return "0 0 " + this.width + " " + this.height;
	}

	/** Labels under the axis, on the line below it. */
	public int labelY() {
		return this.baseline + 18;
	}

	public boolean isEmpty() {
		return this.bars.stream().allMatch(b -> b.height() == 0);
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

}
