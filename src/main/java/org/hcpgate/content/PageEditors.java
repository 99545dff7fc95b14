package org.hcpgate.content;

import java.util.Arrays;

import org.hcpgate.processes.StaffGroups;
import org.hcpgate.security.StaffMember;
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
	 * An editor, by the groups they are in now (the webapps' session keeps the groups of
	 * the sign-in: someone removed from hcp-editors since changes nothing more).
	 */
	Editor of(HttpServletRequest request) {
		return in(request, StaffGroups.EDITORS);
	}

	/** An editor or a review lead, now: the professions, the reasons. */
	Editor editorOrLead(HttpServletRequest request) {
		return in(request, StaffGroups.EDITORS, StaffGroups.REVIEW_LEADS);
	}

	boolean isLead(HttpServletRequest request) {
		return this.staff.current(request).map(m -> m.groups().contains(StaffGroups.REVIEW_LEADS)).orElse(false);
	}

	private Editor in(HttpServletRequest request, String... groups) {
		StaffMember member = this.staff.current(request)
			.orElseThrow(() -> new AccessDeniedException("no staff sign-in"));
		if (Arrays.stream(groups).noneMatch(member.groups()::contains)) {
			throw new AccessDeniedException(member.userId() + " is in none of " + Arrays.toString(groups));
		}
		return new Editor(member.userId(), ContentChange.Channel.PAGES);
	}

}
