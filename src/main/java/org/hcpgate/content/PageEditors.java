package org.hcpgate.content;

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

	Editor of(HttpServletRequest request) {
		return this.staff.current(request)
			.map(member -> new Editor(member.userId(), ContentChange.Channel.PAGES))
			.orElseThrow(() -> new AccessDeniedException("no staff sign-in"));
	}

}
