package org.hcpgate.review;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.hcpgate.processes.StaffTasks;
import org.springframework.stereotype.Component;

/**
 * The review queue as Micrometer metrics ({@code /actuator/prometheus}):
 * <ul>
 * <li>{@code hcpgate_reviews_open{task}}: open staff tasks by task key (every node
 * reports the same number: it is read from the shared database);</li>
 * <li>{@code hcpgate_reviews_overdue}: open staff tasks past their due date;</li>
 * <li>{@code hcpgate_review_decisions_total{task,decision}} and
 * {@code hcpgate_review_time_to_decision_seconds{task,decision}}: decisions this node
 * recorded (after commit) and how long each task waited; sum them over the nodes.</li>
 * </ul>
 * The gauges are read at most every {@value #REFRESH_SECONDS} seconds, however often they
 * are scraped.
 */
@Component
public class ReviewMetrics {

	static final long REFRESH_SECONDS = 10;

	private final MeterRegistry registry;

	private final ReviewEngine engine;

	private volatile Snapshot snapshot = new Snapshot(Instant.EPOCH, new ReviewEngine.Backlog(Map.of(), 0));

	ReviewMetrics(MeterRegistry registry, ReviewEngine engine) {
		this.registry = registry;
		this.engine = engine;
		for (String taskKey : StaffTasks.KEYS) {
			Gauge.builder("hcpgate.reviews.open", this, metrics -> metrics.current().open().getOrDefault(taskKey, 0L))
				.tag("task", taskKey)
				.description("Open staff review tasks")
				.register(registry);
		}
		Gauge.builder("hcpgate.reviews.overdue", this, metrics -> metrics.current().overdue())
			.description("Open staff review tasks past their due date")
			.register(registry);
	}

	/** A decision was committed: counted, and how long its task waited. */
	void decided(String taskKey, String decision, Duration timeToDecision) {
		Counter.builder("hcpgate.review.decisions")
			.description("Staff decisions on review tasks")
			.tag("task", taskKey)
			.tag("decision", decision)
			.register(this.registry)
			.increment();
		Timer.builder("hcpgate.review.time.to.decision")
			.description("From a review task's creation to its decision")
			.tag("task", taskKey)
			.tag("decision", decision)
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMinutes(1))
			.maximumExpectedValue(Duration.ofDays(14))
			.register(this.registry)
			.record(timeToDecision.isNegative() ? Duration.ZERO : timeToDecision);
	}

	private Snapshot current() {
		Snapshot last = this.snapshot;
		if (last.takenAt().plusSeconds(REFRESH_SECONDS).isAfter(Instant.now())) {
			return last;
		}
		synchronized (this) {
			if (this.snapshot.takenAt().plusSeconds(REFRESH_SECONDS).isAfter(Instant.now())) {
				return this.snapshot;
			}
			this.snapshot = new Snapshot(Instant.now(), this.engine.backlog());
			return this.snapshot;
		}
	}

	private record Snapshot(Instant takenAt, ReviewEngine.Backlog backlog) {

		Map<String, Long> open() {
			return this.backlog.open();
		}

		long overdue() {
			return this.backlog.overdue();
		}

	}

}
