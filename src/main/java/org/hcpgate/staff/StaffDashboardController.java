package org.hcpgate.staff;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The leads' dashboard ({@code /staff/dashboard}, group
 * {@link org.hcpgate.processes.StaffGroups#REVIEW_LEADS}): the backlog now, open reviews
 * over the last days, time to decision and approval rate, drawn as inline SVG on the
 * server. Cockpit stays the place for the processes themselves.
 */
@Controller
class StaffDashboardController {

	static final String VIEW_DASHBOARD = "staff/dashboard";

	private final ReviewStatistics statistics;

	private final MessageSource messages;

	StaffDashboardController(ReviewStatistics statistics, MessageSource messages) {
		this.statistics = statistics;
		this.messages = messages;
	}

	@GetMapping("/staff/dashboard")
	String show(Model model, Locale locale) {
		ZoneId zone = ZoneId.systemDefault();
		model.addAttribute("backlog", this.statistics.backlog());
		model.addAttribute("backlogDays", ReviewStatistics.BACKLOG_DAYS);
		model.addAttribute("decisionDays", ReviewStatistics.DECISION_DAYS);
		model.addAttribute("approvalWeeks", ReviewStatistics.APPROVAL_WEEKS);
		model.addAttribute("openChart", BarChart.of("open-over-time", this.statistics.openOverTime(zone), null));

		ReviewStatistics.TimeToDecision waits = this.statistics.timeToDecision();
		List<BarChart.Point> buckets = new ArrayList<>();
		for (int i = 0; i < waits.counts().length; i++) {
			String label = (i < ReviewStatistics.BUCKETS.size()) ? "≤ " + human(ReviewStatistics.BUCKETS.get(i), locale)
					: "> " + human(ReviewStatistics.BUCKETS.get(i - 1), locale);
			buckets.add(new BarChart.Point(label, waits.counts()[i], Long.toString(waits.counts()[i])));
		}
		model.addAttribute("waits", waits);
		model.addAttribute("median", human(waits.median(), locale));
		model.addAttribute("p90", human(waits.p90(), locale));
		model.addAttribute("waitChart", BarChart.of("time-to-decision", buckets, null));

		List<ReviewStatistics.Rate> rates = this.statistics.approvalRate(zone);
		List<BarChart.Point> percents = rates.stream()
			.map(r -> new BarChart.Point(r.week(), Math.max(0, r.percent()),
					(r.decided() == 0) ? "–"
							: Math.round(r.percent()) + "% (" + r.approved() + "/" + r.decided() + ")"))
			.toList();
		model.addAttribute("rates", rates);
		model.addAttribute("rateChart", BarChart.of("approval-rate", percents, 100.0));
		return VIEW_DASHBOARD;
	}

	/** 45 min, 3 h, 2 d: how a lead reads a waiting time. */
	String human(Duration duration, Locale locale) {
		if (duration == null) {
			return "–";
		}
		long minutes = duration.toMinutes();
		if (minutes < 60) {
			return this.messages.getMessage("dashboard.minutes", new Object[] { minutes }, locale);
		}
		if (minutes < 48 * 60) {
			return this.messages.getMessage("dashboard.hours", new Object[] { Math.round(minutes / 60.0) }, locale);
		}
		return this.messages.getMessage("dashboard.days", new Object[] { Math.round(minutes / 1440.0) }, locale);
	}

}
