package org.hcpgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.hcpgate.processes.StaffGroups;
import org.hcpgate.support.JourneyDriver;
import org.hcpgate.support.JourneyDriver.Submitted;
import org.hcpgate.support.PostgresIntegrationTest;
import org.hcpgate.support.Reviewer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A reviewer claims a review for themselves only; a lead gives it to staff only
 * (security, round three): a review claimed for nobody, or for the reader, is never held.
 */
class StaffClaimsPostgresTest extends PostgresIntegrationTest {

	@Autowired
	JourneyDriver journeys;

	@Autowired
	Reviewer reviewer;

	@Autowired
	TaskService taskService;

	@Test
	void aReviewerClaimsOnlyForThemselvesAndALeadGivesAReviewOnlyToStaff() {
		Submitted submitted = this.journeys.newSubmission("蒋医生");
		String id = submitted.review().getId();
		String colleague = this.reviewer.newStaffMember("rv-", StaffGroups.REVIEWERS);

		for (String someone : new String[] { "nobody", submitted.readerId(), colleague }) {
			assertRefused(claim(Reviewer.REVIEWER, id, someone), HttpStatus.FORBIDDEN, StaffChanges.ONLY_FOR_SELF);
			assertThat(assignee(id)).as("claimed for %s", someone).isNull();
		}
		// a lead: to staff, never to a reader or a name nobody holds
		assertRefused(claim(Reviewer.LEAD, id, submitted.readerId()), HttpStatus.BAD_REQUEST, StaffChanges.NOT_STAFF);
		assertRefused(this.reviewer.call(Reviewer.LEAD, HttpMethod.POST, "/engine-rest/task/" + id + "/assignee",
				"{\"userId\":\"nobody\"}"), HttpStatus.BAD_REQUEST, StaffChanges.NOT_STAFF);
		assertThat(assignee(id)).isNull();

		ResponseEntity<String> own = claim(Reviewer.REVIEWER, id, Reviewer.REVIEWER);
		assertThat(own.getStatusCode().is2xxSuccessful()).as(own.getBody()).isTrue();
		ResponseEntity<String> given = this.reviewer.call(Reviewer.LEAD, HttpMethod.POST,
				"/engine-rest/task/" + id + "/assignee", "{\"userId\":\"" + colleague + "\"}");
		assertThat(given.getStatusCode().is2xxSuccessful()).as(given.getBody()).isTrue();
		assertThat(assignee(id)).isEqualTo(colleague);
	}

	private ResponseEntity<String> claim(String staff, String taskId, String userId) {
		return this.reviewer.call(staff, HttpMethod.POST, "/engine-rest/task/" + taskId + "/claim",
				"{\"userId\":\"" + userId + "\"}");
	}

	private String assignee(String taskId) {
		return this.taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee();
	}

	private static void assertRefused(ResponseEntity<String> answer, HttpStatus status, String code) {
		assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(status);
		assertThat(answer.getBody()).contains("[" + code + "]");
	}

}
