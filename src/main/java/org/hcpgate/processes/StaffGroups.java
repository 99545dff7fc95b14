package org.hcpgate.processes;

import java.util.List;

/**
 * The staff groups the models name as candidate groups, and the site's security and
 * Tasklist filters rely on; mirrored in docs/process-contract.md.
 */
public final class StaffGroups {

	/** Reviewers: {@code review-credentials}, {@code review-information}. */
	public static final String REVIEWERS = "hcp-reviewers";

	/**
	 * Review leads: overdue reviews, four-eyes confirmations, revocations, the dashboard.
	 */
	public static final String REVIEW_LEADS = "hcp-review-leads";

	/**
	 * Editors: zones, agreements, questions and articles, on {@code /staff/content} and
	 * through the content API. They work no reviews.
	 */
	public static final String EDITORS = "hcp-editors";

	/** Camunda's administrators: they also register partner sites. */
	public static final String ADMINISTRATORS = "camunda-admin";

	/** Every staff group that works reviews in Tasklist. */
	public static final List<String> ALL = List.of(REVIEWERS, REVIEW_LEADS);

	private StaffGroups() {
	}

}
