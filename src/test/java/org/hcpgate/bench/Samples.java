package org.hcpgate.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Durations measured by many threads (nanoseconds), and their percentiles. */
final class Samples {

	private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());

	void add(long nanos) {
		this.nanos.add(nanos);
	}

	/** Adds these samples to another set. */
	void addAll(Samples other) {
		synchronized (this.nanos) {
			this.nanos.forEach(other::add);
		}
	}

	int count() {
		return this.nanos.size();
	}

	/** The p-th percentile in milliseconds (nearest rank). */
	double percentileMillis(double p) {
		List<Long> sorted;
		synchronized (this.nanos) {
			sorted = new ArrayList<>(this.nanos);
		}
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		Collections.sort(sorted);
		int rank = (int) Math.ceil(p / 100.0 * sorted.size());
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))) / 1_000_000.0;
	}

}
