package org.hcpgate.review;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The review queue as Micrometer metrics ({@code /actuator/prometheus}):
 * <ul>
 * <li>{@code hcpgate_reviews_open{task}}: open staff tasks by task key (every node reports
 * the same number: it is read from the shared database);</li>
 * <li>{@code hcpgate_reviews_overdue}: open staff tasks past their due date;</li>
 * <li>{@code hcpgate_review_decisions_total{task,decision}} and
 * {@code hcpgate_review_time_to_decision_seconds{task,decision}}: decisions this node
 * recorded (after commit) and how long each task waited; sum them over the nodes.</li>
 * </ul>
 * The gauges are read at most every {@value #REFRESH_SECONDS} seconds, however often
 * they are scraped.
 */
@Component
public class ReviewMetrics {

	/** The staff tasks of the models: the review queue. */
	public static final List<String> STAFF_TASKS = List.of("review-credentials", "review-information",
			"confirm-final-rejection");

	static final long REFRESH_SECONDS = 10;

	private final MeterRegistry registry;

	private final TaskService tasks;

	private volatile Snapshot snapshot = new Snapshot(Instant.EPOCH, Map.of(), 0);

	ReviewMetrics(MeterRegistry registry, TaskService tasks) {
		this.registry = registry;
		this.tasks = tasks;
		for (String taskKey : STAFF_TASKS) {
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
			Map<String, Long> open = new HashMap<>();
			for (String taskKey : STAFF_TASKS) {
				open.put(taskKey, this.tasks.createTaskQuery().taskDefinitionKey(taskKey).count());
			}
			long overdue = this.tasks.createTaskQuery()
				.taskDefinitionKeyIn(STAFF_TASKS.toArray(String[]::new))
				.dueBefore(ClockUtil.getCurrentTime())
				.count();
			this.snapshot = new Snapshot(Instant.now(), Map.copyOf(open), overdue);
			return this.snapshot;
		}
	}

	private record Snapshot(Instant takenAt, Map<String, Long> open, long overdue) {
	}

}
