package org.hcpgate.review;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.hcpgate.verification.HcpVerificationProcess;
import org.hcpgate.verification.ZoneAccessProcess;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The reviewers' Tasklist filter, created at start-up when missing (found by name, so a
 * restart or a second node adds none): open reviews of the staff groups, oldest first, with
 * the variables a reviewer needs shown in the list. No expressions in the stored query.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ReviewFilters implements ApplicationRunner {

	static final String OPEN_REVIEWS = "待审核";

	private final FilterService filters;

	private final TaskService tasks;

	ReviewFilters(FilterService filters, TaskService tasks) {
		this.filters = filters;
		this.tasks = tasks;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.filters.createFilterQuery().filterName(OPEN_REVIEWS).count() > 0) {
			return;
		}
		TaskQuery openReviews = this.tasks.createTaskQuery()
			.taskCandidateGroupIn(List.of("hcp-reviewers", ReviewService.REVIEW_LEADS))
			.includeAssignedTasks()
			.orderByTaskCreateTime()
			.asc();
		Filter filter = this.filters.newTaskFilter(OPEN_REVIEWS)
			.setQuery(openReviews)
			.setProperties(Map.of("description", "资质与信息审核(最早的在前)", "priority", -10, "color", "#1a6fb0",
					"variables",
					List.of(Map.of("name", HcpVerificationProcess.VAR_ATTEMPT, "label", "第几次提交"),
							Map.of("name", HcpVerificationProcess.VAR_SUBMISSION_ID, "label", "提交编号"),
							Map.of("name", ZoneAccessProcess.VAR_ZONE_KEY, "label", "专区"))));
		this.filters.saveFilter(filter);
	}

}
