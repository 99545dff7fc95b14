package org.hcpgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
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
 * Staff can set only what their form owns, on every path of the REST API (issue 10): each
 * probe is refused with a coded message and changes nothing; the honest decision still
 * lands.
 */
class StaffChangesPostgresTest extends PostgresIntegrationTest {

	static final String DECISION = "{\"decision\":{\"value\":\"rejected\"},\"reviewNote\":{\"value\":\"请上传清晰的照片\"},"
			+ "\"rejectionReasons\":{\"value\":\"[\\\"photo-unreadable\\\"]\",\"type\":\"Json\"}";

	@Autowired
	JourneyDriver journeys;

	@Autowired
	Reviewer reviewer;

	@Autowired
	TaskService taskService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	IdentityService identityService;

	@Test
	void aReviewerWhoAddsAttemptToARejectionIsRefusedAndTheReviewStaysOpen() {
		Submitted submitted = this.journeys.newSubmission("钱医生");
		Task review = submitted.review();
		ResponseEntity<String> forged = this.reviewer.complete(Reviewer.REVIEWER, review.getId(),
				"{\"variables\":" + DECISION + ",\"attempt\":{\"value\":3}}}");
		assertRefused(forged, StaffChanges.NOT_IN_FORM, "attempt");
		assertStillOpen(review);
		assertThat(this.runtimeService.getVariable(review.getProcessInstanceId(), "attempt")).isEqualTo(1);
		assertThat(this.runtimeService.getVariable(review.getProcessInstanceId(), "decision")).isNull();

		// the same decision through the form's own fields lands
		ResponseEntity<String> honest = this.reviewer.complete(Reviewer.REVIEWER, review.getId(),
				"{\"variables\":" + DECISION + "}}");
		assertThat(honest.getStatusCode().is2xxSuccessful()).as(honest.getBody()).isTrue();
	}

	@Test
	void identityFactsCannotBeAimedAtAnotherReaderThroughAnyTaskPath() {
		Submitted submitted = this.journeys.newSubmission("孙医生");
		Submitted other = this.journeys.newSubmission("李医生");
		Task review = submitted.review();
		String id = review.getId();
		String aimed = "{\"value\":\"" + other.readerId() + "\"}";

		assertRefused(
				this.reviewer.complete(Reviewer.REVIEWER, id,
						"{\"variables\":{\"decision\":{\"value\":\"approved\"},\"readerId\":" + aimed + "}}"),
				StaffChanges.NOT_IN_FORM, "readerId");
		assertRefused(this.reviewer.call(Reviewer.REVIEWER, HttpMethod.POST, "/engine-rest/task/" + id + "/submit-form",
				"{\"variables\":{\"decision\":{\"value\":\"approved\"},\"submissionId\":{\"value\":"
						+ other.submission().getId() + "}}}"),
				StaffChanges.NOT_IN_FORM, "submissionId");
		assertRefused(this.reviewer.call(Reviewer.REVIEWER, HttpMethod.PUT,
				"/engine-rest/task/" + id + "/variables/readerId", aimed), StaffChanges.NOT_IN_FORM, "readerId");
		assertRefused(
				this.reviewer.call(Reviewer.REVIEWER, HttpMethod.PUT,
						"/engine-rest/task/" + id + "/localVariables/attempt", "{\"value\":3}"),
				StaffChanges.NOT_IN_FORM, "attempt");
		assertRefused(
				this.reviewer.call(Reviewer.REVIEWER, HttpMethod.POST, "/engine-rest/task/" + id + "/variables",
						"{\"modifications\":{\"reviewedBy\":{\"value\":\"someone-else\"}}}"),
				StaffChanges.NOT_IN_FORM, "reviewedBy");
		assertStillOpen(review);
		assertThat(this.runtimeService.getVariable(review.getProcessInstanceId(), "readerId"))
			.isEqualTo(submitted.readerId());
		assertThat(this.runtimeService.getVariable(review.getProcessInstanceId(), "submissionId"))
			.isEqualTo(submitted.submission().getId());
	}

	@Test
	void processAndExecutionVariablesAndMessagePayloadsAreTheProcesssOwn() {
		Submitted submitted = this.journeys.newSubmission("周医生");
		String instance = submitted.review().getProcessInstanceId();
		assertRefused(this.reviewer.call(Reviewer.LEAD, HttpMethod.POST,
				"/engine-rest/process-instance/" + instance + "/variables",
				"{\"modifications\":{\"attempt\":{\"value\":3}}}"), StaffChanges.NO_PROCESS_VARIABLES, null);
		assertRefused(
				this.reviewer.call(Reviewer.LEAD, HttpMethod.PUT,
						"/engine-rest/execution/" + instance + "/localVariables/readerId", "{\"value\":\"1\"}"),
				StaffChanges.NO_PROCESS_VARIABLES, null);
		assertRefused(
				this.reviewer.call(Reviewer.LEAD, HttpMethod.POST, "/engine-rest/message",
						"{\"messageName\":\"verification-revoked\",\"businessKey\":\"" + submitted.readerId()
								+ "\",\"processVariables\":{\"readerId\":{\"value\":\"1\"}}}"),
				StaffChanges.NO_PROCESS_VARIABLES, null);
		assertThat(this.runtimeService.getVariable(instance, "attempt")).isEqualTo(1);
		assertThat(this.runtimeService.getVariable(instance, "readerId")).isEqualTo(submitted.readerId());
	}

	@Test
	void aLeadCannotForgeWhoDecidedToConfirmTheirOwnFinalRejection() {
		Submitted submitted = this.journeys.newSubmission("冯医生");
		this.reviewer.decide(submitted.review(), "{\"decision\":{\"value\":\"rejected-final\"},"
				+ "\"rejectionReasons\":{\"value\":\"[\\\"not-hcp\\\"]\",\"type\":\"Json\"}}");
		Task confirmation = this.reviewer.reviewTask(submitted.readerId(), "confirm-final-rejection");
		assertRefused(this.reviewer.complete(Reviewer.LEAD, confirmation.getId(),
				"{\"variables\":{\"finalRejectionConfirmed\":{\"value\":true},\"reviewedBy\":{\"value\":\"nobody\"}}}"),
				StaffChanges.NOT_IN_FORM, "reviewedBy");
		assertStillOpen(confirmation);
		assertThat(this.runtimeService.getVariable(confirmation.getProcessInstanceId(), "reviewedBy"))
			.isEqualTo(Reviewer.REVIEWER);
	}

	@Test
	void aReviewCannotEndWithoutADecision() {
		Task review = this.journeys.newSubmission("吴医生").review();
		String id = review.getId();
		assertRefused(this.reviewer.call(Reviewer.REVIEWER, HttpMethod.POST, "/engine-rest/task/" + id + "/bpmnError",
				"{\"errorCode\":\"anything\"}"), StaffChanges.NO_DECISION, null);
		assertRefused(this.reviewer.call(Reviewer.REVIEWER, HttpMethod.POST,
				"/engine-rest/task/" + id + "/bpmnEscalation", "{\"escalationCode\":\"anything\"}"),
				StaffChanges.NO_DECISION, null);
		assertRefused(this.reviewer.call(Reviewer.REVIEWER, HttpMethod.POST, "/engine-rest/task/" + id + "/resolve",
				"{\"variables\":{}}"), StaffChanges.NO_DECISION, null);
		assertStillOpen(review);
	}

	@Test
	void aReviewerCannotTakeAColleaguesClaimedTaskButALeadCanReassignIt() {
		Task review = this.journeys.newSubmission("郑医生").review();
		String id = review.getId();
		String colleague = this.reviewer.newStaffMember("rv-", StaffGroups.REVIEWERS);
		ResponseEntity<String> claimed = this.reviewer.call(colleague, HttpMethod.POST,
				"/engine-rest/task/" + id + "/claim", "{\"userId\":\"" + colleague + "\"}");
		assertThat(claimed.getStatusCode().is2xxSuccessful()).as(claimed.getBody()).isTrue();

		assertRefused(
				this.reviewer.call(Reviewer.REVIEWER, HttpMethod.POST, "/engine-rest/task/" + id + "/unclaim", ""),
				StaffChanges.CLAIMED_BY_COLLEAGUE, colleague);
		assertRefused(this.reviewer.call(Reviewer.REVIEWER, HttpMethod.POST, "/engine-rest/task/" + id + "/assignee",
				"{\"userId\":\"" + Reviewer.REVIEWER + "\"}"), StaffChanges.CLAIMED_BY_COLLEAGUE, colleague);
		assertThat(this.taskService.createTaskQuery().taskId(id).singleResult().getAssignee()).isEqualTo(colleague);

		ResponseEntity<String> reassigned = this.reviewer.call(Reviewer.LEAD, HttpMethod.POST,
				"/engine-rest/task/" + id + "/assignee", "{\"userId\":\"" + Reviewer.REVIEWER + "\"}");
		assertThat(reassigned.getStatusCode().is2xxSuccessful()).as(reassigned.getBody()).isTrue();
		assertThat(this.taskService.createTaskQuery().taskId(id).singleResult().getAssignee())
			.isEqualTo(Reviewer.REVIEWER);
	}

	private void assertStillOpen(Task task) {
		Task open = this.taskService.createTaskQuery().taskId(task.getId()).singleResult();
		assertThat(open).as("the task is still open").isNotNull();
	}

	private static void assertRefused(ResponseEntity<String> answer, String code, String naming) {
		HttpStatus expected = StaffChanges.CLAIMED_BY_COLLEAGUE.equals(code) ? HttpStatus.CONFLICT
				: HttpStatus.BAD_REQUEST;
		assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(expected);
		assertThat(answer.getBody()).contains("[" + code + "]");
		if (naming != null) {
			assertThat(answer.getBody()).contains(naming);
		}
	}

}
