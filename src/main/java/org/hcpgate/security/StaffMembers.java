package org.hcpgate.security;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Who a staff page's request comes from: the Camunda webapps' sign-in in the HTTP session
 * (see {@link StaffSession}), with the groups read from the identity service now, not the
 * ones cached at sign-in.
 */
@Component
public class StaffMembers {

	private final IdentityService identity;

	StaffMembers(IdentityService identity) {
		this.identity = identity;
	}

	public Optional<StaffMember> current(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		Authentications authentications = (session != null) ? AuthenticationUtil.getAuthsFromSession(session) : null;
		Authentication staff = (authentications != null)
				? authentications.getAuthenticationForProcessEngine(StaffSession.ENGINE) : null;
		if (staff == null || staff.getName() == null) {
			return Optional.empty();
		}
		Set<String> groups = this.identity.createGroupQuery()
			.groupMember(staff.getName())
			.list()
			.stream()
			.map(Group::getId)
			.collect(Collectors.toUnmodifiableSet());
		return Optional.of(new StaffMember(staff.getName(), groups));
	}

}
