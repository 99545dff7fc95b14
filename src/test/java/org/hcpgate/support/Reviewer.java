package org.hcpgate.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.hcpgate.processes.HcpVerificationProcess;
import org.hcpgate.processes.ZoneAccessProcess;
import org.hcpgate.readers.Reader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The tests' one reviewer: finds the staff task a reader's step or the job executor is
 * about to create, and decides it over Camunda's REST API as the demo reviewer (or lead)
 * would. In a browser, staff work through {@link Tasklist}.
 */
@Component
public class Reviewer {

	public static final Duration WAIT = Duration.ofSeconds(20);

	public static final String REVIEWER = "demo-reviewer";

	public static final String LEAD = "demo-lead";

	private final TaskService tasks;

	private final IdentityService identity;

	private final ObjectProvider<TestRestTemplate> rest;

	Reviewer(TaskService tasks, IdentityService identity, ObjectProvider<TestRestTemplate> rest) {
		this.tasks = tasks;
		this.identity = identity;
		this.rest = rest;
	}

	/**
	 * A new staff member of the group, named {@code prefix} and a random suffix, with
	 * {@link #STAFF_PASSWORD}.
	 */
	public String newStaffMember(String prefix, String group) {
		String id = prefix + UUID.randomUUID().toString().substring(0, 8);
		staffMember(id, group);
		return id;
	}

	/** The staff member of the group with this id, created if it does not exist yet. */
	public void staffMember(String id, String group) {
		if (this.identity.createUserQuery().userId(id).count() > 0) {
			return;
		}
		User user = this.identity.newUser(id);
		user.setPassword(STAFF_PASSWORD);
		user.setFirstName("审核员");
		user.setLastName(id);
		this.identity.saveUser(user);
		this.identity.createMembership(id, group);
	}

	/**
	 * The one open task of a kind in the instance with this business key, once it exists.
	 */
	public static Task await(TaskService tasks, String businessKey, String taskKey) {
		return org.awaitility.Awaitility.await()
			.atMost(WAIT)
			.until(() -> tasks.createTaskQuery()
				.taskDefinitionKey(taskKey)
				.processInstanceBusinessKey(businessKey)
				.singleResult(), Objects::nonNull);
	}

	/** The open review of the reader's credentials. */
	public Task reviewTask(Reader reader) {
		return reviewTask(reader.getReaderId(), HcpVerificationProcess.TASK_REVIEW_CREDENTIALS);
	}

	/**
	 * An open staff task of the reader's verification: a review or a lead's confirmation.
	 */
	public Task reviewTask(String readerId, String taskKey) {
		return await(this.tasks, readerId, taskKey);
	}

	/** The open review of the reader's answers in a zone. */
	public Task informationReviewTask(Reader reader, String zoneKey) {
		return await(this.tasks, ZoneAccessProcess.businessKey(reader.getReaderId(), zoneKey),
				ZoneAccessProcess.TASK_REVIEW_INFORMATION);
	}

	/** The demo reviewer completes the task over REST, as an integrator would. */
	public void decide(Task task, String variablesJson) {
		complete(REVIEWER, task, variablesJson);
	}

	/**
	 * The demo accounts' password is their user name (the demo saves them past the
	 * password policy); staff a test creates have {@value #STAFF_PASSWORD}, which meets
	 * it.
	 */
	public static String passwordOf(String staff) {
		return (staff.startsWith("demo-")) ? staff : STAFF_PASSWORD;
	}

	/** The password of staff that tests create: Camunda's policy holds for them. */
	public static final String STAFF_PASSWORD = "Staff-Passw0rd!";

	/** Four-eyes: the demo lead confirms the final rejection a reviewer decided. */
	public void confirmFinalRejection(Reader reader) {
		Task confirmation = reviewTask(reader.getReaderId(), HcpVerificationProcess.TASK_CONFIRM_FINAL_REJECTION);
		complete(LEAD, confirmation, "{\"finalRejectionConfirmed\":{\"value\":true}}");
	}

	/**
	 * A staff member (demo accounts: the password is the user name) posts a completion
	 * with this body, as Tasklist or an integrator would; the answer is the test's to
	 * judge (a refusal, a race lost to another reviewer).
	 */
	public ResponseEntity<String> complete(String staff, String taskId, String body) {
		return call(staff, HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete", body);
	}

	/**
	 * Any call of the REST API as a staff member (see {@link #passwordOf}).
	 */
	public ResponseEntity<String> call(String staff, HttpMethod method, String path, String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.rest.getObject()
			.withBasicAuth(staff, passwordOf(staff))
			.exchange(path, method, new HttpEntity<>(body, headers), String.class);
	}

	private void complete(String staff, Task task, String variablesJson) {
		ResponseEntity<String> answer = complete(staff, task.getId(), "{\"variables\":" + variablesJson + "}");
		assertThat(answer.getStatusCode().is2xxSuccessful()).as(answer.getBody()).isTrue();
	}

}
