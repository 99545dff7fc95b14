package org.hcpgate.security;

import java.util.Set;

import org.hcpgate.processes.StaffGroups;

/**
 * The staff member behind a request to the site's staff pages, with the groups they are
 * in now (read again on every request: a member removed from a group loses it at once).
 */
public record StaffMember(String userId, Set<String> groups) {

	/** The Camunda administrators' group (Camunda's own id). */
	static final String ADMINISTRATORS = "camunda-admin";

	/** Review leads and administrators see every reader's data. */
	public boolean seesEveryReader() {
		return this.groups.contains(StaffGroups.REVIEW_LEADS) || this.groups.contains(ADMINISTRATORS);
	}

}
