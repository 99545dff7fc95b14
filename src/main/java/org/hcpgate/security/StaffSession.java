package org.hcpgate.security;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Staff sign in once, in the Camunda webapps; the webapps keep that sign-in in the HTTP
 * session. This lets the site's staff pages ({@code /staff/**}, opened from review forms
 * in Tasklist) trust the same sign-in: a member of one of the given groups (the reviewers
 * and the leads, who get escalated reviews) may pass; an administrator who is neither may
 * not.
 */
class StaffSession implements AuthorizationManager<RequestAuthorizationContext> {

	static final String ENGINE = "default";

	private final StaffMembers staff;

	private final List<String> groups;

	StaffSession(StaffMembers staff, String... groups) {
		this.staff = staff;
		this.groups = List.of(groups);
	}

	/**
	 * A member of one of the groups now: the groups come from the identity service on
	 * every request, not from those the webapps cached at sign-in, so someone removed
	 * from a group loses its pages at once.
	 */
	@Override
	public AuthorizationDecision check(Supplier<org.springframework.security.core.Authentication> authentication,
			RequestAuthorizationContext context) {
		boolean member = this.staff.current(context.getRequest())
			.map(m -> m.groups().stream().anyMatch(this.groups::contains))
			.orElse(false);
		return new AuthorizationDecision(member);
	}

}
