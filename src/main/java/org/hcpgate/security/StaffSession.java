package org.hcpgate.security;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import jakarta.servlet.http.HttpSession;

/**
 * Staff sign in once, in the Camunda webapps; the webapps keep that sign-in in the HTTP
 * session. This lets the site's staff pages ({@code /staff/**}, opened from review forms
 * in Tasklist) trust the same sign-in: a member of one of the given groups (the reviewers
 * and the leads, who get escalated reviews) may pass; an administrator who is neither may
 * not.
 */
class StaffSession implements AuthorizationManager<RequestAuthorizationContext> {

	static final String ENGINE = "default";

	private final List<String> groups;

	StaffSession(String... groups) {
		this.groups = List.of(groups);
	}

	@Override
	public AuthorizationDecision check(Supplier<org.springframework.security.core.Authentication> authentication,
			RequestAuthorizationContext context) {
		HttpSession session = context.getRequest().getSession(false);
		if (session == null) {
			return new AuthorizationDecision(false);
		}
		Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
		Authentication staff = (authentications == null) ? null
				: authentications.getAuthenticationForProcessEngine(ENGINE);
		boolean member = staff instanceof UserAuthentication user && user.getGroupIds() != null
				&& user.getGroupIds().stream().anyMatch(this.groups::contains);
		return new AuthorizationDecision(member);
	}

}
