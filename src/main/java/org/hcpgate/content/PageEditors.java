package org.hcpgate.content;

import org.hcpgate.processes.StaffGroups;
import org.hcpgate.security.StaffMembers;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

/** The editor behind a staff page's request: the staff sign-in of the webapps. */
@Component
class PageEditors {

	private final StaffMembers staff;

	PageEditors(StaffMembers staff) {
		this.staff = staff;
	}

	/**
	 * The staff member changing content. Which groups may reach which page is the
	 * security rules' business ({@code StaffSession}, with the groups as they are now).
	 */
	Editor of(HttpServletRequest request) {
		return this.staff.current(request)
			.map(member -> new Editor(member.userId(), ContentChange.Channel.PAGES))
			.orElseThrow(() -> new AccessDeniedException("no staff sign-in"));
	}

	boolean isLead(HttpServletRequest request) {
		return this.staff.current(request).map(m -> m.groups().contains(StaffGroups.REVIEW_LEADS)).orElse(false);
	}

}
