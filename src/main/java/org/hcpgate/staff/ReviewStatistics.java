package org.hcpgate.staff;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;

import org.hcpgate.processes.HcpVerificationProcess;
import org.hcpgate.processes.ZoneAccessProcess;
import org.springframework.stereotype.Service;
import org.hcpgate.review.ReviewDecision;
import org.hcpgate.review.ReviewDecisionService;
import org.hcpgate.review.ReviewEngine;

/**
 * What the leads' dashboard shows, from the engine ({@link ReviewEngine}: open tasks now,
 * open tasks at the end of each past day from Camunda's task history) and from the audit
 * table (time to decision, approval rate). Bounded windows, count queries: cheap enough
 * per page view.
 */
@Service
class ReviewStatistics {

	static final int BACKLOG_DAYS = 14;

	static final int DECISION_DAYS = 30;

	static final int APPROVAL_WEEKS = 8;

	/**
	 * Upper bounds of the time-to-decision buckets; the last bucket is everything longer.
	 */
	static final List<Duration> BUCKETS = List.of(Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(24),
			Duration.ofDays(2), Duration.ofDays(7));

	/**
	 * The tasks whose wait the chart shows: the reviews. A lead's confirmation, and the
	 * audited reopenings and revocations (decided the moment they start), are no wait of
	 * a reader's.
	 */
	static final Set<String> REVIEWS = Set.of(HcpVerificationProcess.TASK_REVIEW_CREDENTIALS,
			ZoneAccessProcess.TASK_REVIEW_INFORMATION);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");

	private final ReviewEngine engine;

	private final ReviewDecisionService decisions;

	ReviewStatistics(ReviewEngine engine, ReviewDecisionService decisions) {
		this.engine = engine;
		this.decisions = decisions;
	}

	/**
	 * Open staff tasks now, by task key (in the models' order), and how many are past
	 * due.
	 */
	ReviewEngine.Backlog backlog() {
		return this.engine.backlog();
	}

	/**
	 * Staff tasks open at the end of each of the last {@value #BACKLOG_DAYS} days (today:
	 * now).
	 */
	List<BarChart.Point> openOverTime(ZoneId zone) {
		List<BarChart.Point> points = new ArrayList<>();
		Instant now = this.engine.now();
		LocalDate today = LocalDate.ofInstant(now, zone);
		for (int back = BACKLOG_DAYS - 1; back >= 0; back--) {
			LocalDate day = today.minusDays(back);
			Instant end = (back == 0) ? now : day.plusDays(1).atStartOfDay(zone).toInstant();
			long open = this.engine.openAt(end);
			points.add(new BarChart.Point(DAY.format(day), open, Long.toString(open)));
		}
		return points;
	}

	/**
	 * Decisions of the last {@value #DECISION_DAYS} days by how long their task waited.
	 */
	TimeToDecision timeToDecision() {
		List<Duration> waits = decisionsSince(Instant.now().minus(DECISION_DAYS, ChronoUnit.DAYS)).stream()
			.filter(d -> REVIEWS.contains(d.getTaskKey()))
			.map(ReviewDecision::getTimeToDecision)
			.sorted()
			.toList();
		long[] counts = new long[BUCKETS.size() + 1];
		for (Duration wait : waits) {
			int bucket = 0;
			while (bucket < BUCKETS.size() && wait.compareTo(BUCKETS.get(bucket)) > 0) {
				bucket++;
			}
			counts[bucket]++;
		}
		return new TimeToDecision(counts, percentile(waits, 50), percentile(waits, 90), waits.size());
	}

	/**
	 * Share of approvals among credential decisions, per ISO week, the last
	 * {@value #APPROVAL_WEEKS} weeks.
	 */
	List<Rate> approvalRate(ZoneId zone) {
		LocalDate today = LocalDate.ofInstant(Instant.now(), zone);
		LocalDate firstMonday = today.minusWeeks(APPROVAL_WEEKS - 1).with(java.time.DayOfWeek.MONDAY);
		Map<LocalDate, long[]> weeks = new LinkedHashMap<>();
		for (int i = 0; i < APPROVAL_WEEKS; i++) {
			weeks.put(firstMonday.plusWeeks(i), new long[2]);
		}
		for (ReviewDecision decision : decisionsSince(firstMonday.atStartOfDay(zone).toInstant())) {
			if (!HcpVerificationProcess.TASK_REVIEW_CREDENTIALS.equals(decision.getTaskKey())) {
				continue;
			}
			LocalDate monday = LocalDate.ofInstant(decision.getDecidedAt(), zone).with(java.time.DayOfWeek.MONDAY);
			long[] counts = weeks.get(monday);
			if (counts != null) {
				counts[1]++;
				if (HcpVerificationProcess.DECISION_APPROVED.equals(decision.getDecision())) {
					counts[0]++;
				}
			}
		}
		List<Rate> rates = new ArrayList<>();
		weeks.forEach((monday, counts) -> rates
			.add(new Rate("W" + monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), counts[0], counts[1])));
		return rates;
	}

	List<ReviewDecision> decisionsSince(Instant since) {
		return this.decisions.since(since);
	}

	private static Duration percentile(List<Duration> sorted, int percent) {
		if (sorted.isEmpty()) {
			return null;
		}
		int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
	}

	record TimeToDecision(long[] counts, Duration median, Duration p90, int decisions) {
	}

	record Rate(String week, long approved, long decided) {

		/** Percent, or -1 when nothing was decided that week. */
		double percent() {
			return (this.decided == 0) ? -1 : 100.0 * this.approved / this.decided;
		}

	}

}
