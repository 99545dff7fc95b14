package org.hcpgate.staff;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.TaskQuery;
import org.hcpgate.processes.HcpVerificationProcess;
import org.hcpgate.processes.StaffGroups;
import org.hcpgate.processes.ZoneAccessProcess;
import org.hcpgate.security.StaffAuthorizations;
import org.hcpgate.security.StartupLock;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The reviewers' Tasklist filters, created at start-up when missing, with the variables a
 * reviewer needs shown in the list. No stored query holds an expression (the engine may
 * be set to refuse them), which shapes two of them:
 * <ul>
 * <li>{@value #OPEN_REVIEWS}: open staff tasks of the staff groups, claimed or not,
 * oldest first;</li>
 * <li>{@value #OVERDUE_REVIEWS}: reviews whose {@code review-overdue} timer fired (the
 * escalation marks them {@code overdue}), earliest due first: "past due" without
 * comparing with an expression for "now";</li>
 * <li>{@value #MY_REVIEWS}: one filter per staff member, owned by them, with their user
 * id as assignee instead of the {@code ${currentUser()}} expression. Created here for
 * every member of the staff groups, and by {@link MyReviewsFilterHook} when someone added
 * later opens Tasklist.</li>
 * </ul>
 * Idempotent: a restart or a second node adds none (shared filters are found by name, own
 * ones by name and owner; two nodes racing keep the same one and delete the other). A
 * shared filter saved by an older version of this class is brought up to date; other
 * changes an administrator makes in Tasklist are kept.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class ReviewFilters implements ApplicationRunner {

	private final StartupLock startupLock;

	public static final String OPEN_REVIEWS = "待审核";

	public static final String OVERDUE_REVIEWS = "超时";

	public static final String MY_REVIEWS = "我的";

	/**
	 * Property of the filters this class writes; raised when their definition changes.
	 */
	public static final String VERSION_PROPERTY = "hcpGateVersion";

	public static final int VERSION = 2;

	private final FilterService filters;

	private final TaskService tasks;

	private final IdentityService identity;

	private final StaffAuthorizations authorizations;

	ReviewFilters(FilterService filters, TaskService tasks, IdentityService identity,
			StaffAuthorizations authorizations, StartupLock startupLock) {
		this.startupLock = startupLock;
		this.filters = filters;
		this.tasks = tasks;
		this.identity = identity;
		this.authorizations = authorizations;
	}

	/** One node at a time: two nodes starting together create each filter once. */
	@Override
	public void run(ApplicationArguments args) {
		this.startupLock.exclusively(this::ensureSharedFilters);
	}

	private void ensureSharedFilters() {
		ensureShared(OPEN_REVIEWS, staffTasks().orderByTaskCreateTime().asc(), "资质、信息审核与最终拒绝确认(最早的在前)", -10, "#1a6fb0");
		ensureShared(OVERDUE_REVIEWS,
				staffTasks().taskVariableValueEquals(HcpVerificationProcess.VAR_OVERDUE, Boolean.TRUE)
					.orderByDueDate()
					.asc(),
				"已超过审核时限、已升级给组长的审核(最早到期的在前)", -5, "#c0392b");
		this.filters.createFilterQuery()
			.list()
			.stream()
			.filter(f -> f.getOwner() == null
					&& (OPEN_REVIEWS.equals(f.getName()) || OVERDUE_REVIEWS.equals(f.getName())))
			.forEach(f -> this.authorizations.grantStaffRead(Resources.FILTER, f.getId()));
		for (String userId : staffMembers()) {
			ensureMine(userId);
		}
	}

	/** Creates the staff member's {@value #MY_REVIEWS} filter unless they have one. */
	public void ensureMine(String userId) {
		if (this.filters.createFilterQuery().filterName(MY_REVIEWS).filterOwner(userId).count() > 0) {
			return;
		}
		// Saved as the application: staff may not create filters themselves.
		Authentication caller = this.identity.getCurrentAuthentication();
		this.identity.clearAuthentication();
		try {
			TaskQuery mine = this.tasks.createTaskQuery().taskAssignee(userId).orderByDueDate().asc();
			Filter filter = this.filters.newTaskFilter(MY_REVIEWS)
				.setOwner(userId)
				.setQuery(mine)
				.setProperties(properties(userId + " 已认领的审核(最早到期的在前)", -8, "#2e8b57"));
			this.filters.saveFilter(filter);
			keepOne(this.filters.createFilterQuery().filterName(MY_REVIEWS).filterOwner(userId).list());
		}
		finally {
			if (caller != null) {
				this.identity.setAuthentication(caller);
			}
		}
	}

	private void ensureShared(String name, TaskQuery query, String description, int priority, String color) {
		List<Filter> shared = this.filters.createFilterQuery()
			.filterName(name)
			.list()
			.stream()
			.filter(f -> f.getOwner() == null)
			.toList();
		if (shared.isEmpty()) {
			this.filters.saveFilter(this.filters.newTaskFilter(name)
				.setQuery(query)
				.setProperties(properties(description, priority, color)));
			keepOne(this.filters.createFilterQuery()
				.filterName(name)
				.list()
				.stream()
				.filter(f -> f.getOwner() == null)
				.toList());
			return;
		}
		for (Filter filter : shared) {
			Object version = (filter.getProperties() != null) ? filter.getProperties().get(VERSION_PROPERTY) : null;
			if (!(version instanceof Number n) || n.intValue() < VERSION) {
				filter.setQuery(query);
				filter.setProperties(properties(description, priority, color));
				this.filters.saveFilter(filter);
			}
		}
	}

	/** Two nodes starting at once may both create a filter: both keep the same one. */
	private void keepOne(List<Filter> same) {
		same.stream()
			.sorted(Comparator.comparing(Filter::getId))
			.skip(1)
			.forEach(duplicate -> this.filters.deleteFilter(duplicate.getId()));
	}

	private TaskQuery staffTasks() {
		return this.tasks.createTaskQuery().taskCandidateGroupIn(StaffGroups.ALL).includeAssignedTasks();
	}

	private Set<String> staffMembers() {
		Set<String> members = new LinkedHashSet<>();
		for (String group : StaffGroups.ALL) {
			this.identity.createUserQuery().memberOfGroup(group).list().stream().map(User::getId).forEach(members::add);
		}
		return members;
	}

	private static Map<String, Object> properties(String description, int priority, String color) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("description", description);
		properties.put("priority", priority);
		properties.put("color", color);
		properties.put("refresh", true);
		properties.put("variables", List.of(variable(HcpVerificationProcess.VAR_ATTEMPT, "第几次提交"),
				variable(HcpVerificationProcess.VAR_SUBMISSION_ID, "提交编号"),
				variable(HcpVerificationProcess.VAR_REVIEWED_BY, "上次审核人"),
				variable(ZoneAccessProcess.VAR_ZONE_KEY, "专区"), variable(ZoneAccessProcess.VAR_ANSWER_SET_ID, "回答编号")));
		properties.put(VERSION_PROPERTY, VERSION);
		return properties;
	}

	private static Map<String, Object> variable(String name, String label) {
		return Map.of("name", Objects.requireNonNull(name), "label", label);
	}

}
