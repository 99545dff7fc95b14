package org.hcpgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.hcpgate.processes.StaffGroups;
import org.hcpgate.support.PostgresIntegrationTest;
import org.hcpgate.support.Reviewer;
import org.hcpgate.support.StaffSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Removing a staff member from a group takes effect on their next request in the Camunda
 * webapps too (issue 10), not when the session or the webapps' five-minute authentication
 * cache ends.
 */
class StaffGroupRemovalPostgresTest extends PostgresIntegrationTest {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	IdentityService identityService;

	@Autowired
	Reviewer reviewer;

	@Test
	void aReviewerRemovedFromTheGroupLosesTasklistOnTheNextRequest() {
		String id = this.reviewer.newStaffMember("gr-", StaffGroups.REVIEWERS);

		HttpHeaders session = StaffSessions.signIn(this.rest, id, Reviewer.STAFF_PASSWORD);
		assertThat(whoAmI(session).getBody()).contains("\"userId\":\"" + id + "\"").contains("tasklist");

		this.identityService.deleteMembership(id, StaffGroups.REVIEWERS);
		// the same session, the very next request
		assertThat(whoAmI(session).getBody()).contains("\"userId\":\"" + id + "\"").doesNotContain("tasklist");
	}

	private ResponseEntity<String> whoAmI(HttpHeaders session) {
		return this.rest.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET, new HttpEntity<>(session),
				String.class);
	}

}
