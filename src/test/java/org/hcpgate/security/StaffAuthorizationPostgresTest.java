package org.hcpgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.hcpgate.readers.Reader;
import org.hcpgate.support.JourneyDriver;
import org.hcpgate.support.PostgresIntegrationTest;
import org.hcpgate.support.Readers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Camunda's authorization checks are on: each staff member sees what their groups are
 * granted.
 */
class StaffAuthorizationPostgresTest extends PostgresIntegrationTest {

	@Autowired
	JourneyDriver journeys;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	MockMvc mvc;

	@Autowired
	Readers readers;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	AuthorizationService authorizationService;

	@Autowired
	StaffAuthorizations staffAuthorizations;

	@Autowired
	ProcessEngineConfigurationImpl engineConfiguration;

	final ObjectMapper json = new ObjectMapper();

	@Test
	void aStaffMemberWithoutAGrantSeesNothing() throws Exception {
		Reader reader = this.readers.newReader();
		this.journeys.toReview(reader, JourneyDriver.Credentials.sample(), JourneyDriver.PNG);
		String user = newStaffUser();

		for (String query : new String[] { "/engine-rest/task", "/engine-rest/process-instance",
				"/engine-rest/process-definition", "/engine-rest/filter", "/engine-rest/deployment",
				"/engine-rest/history/process-instance", "/engine-rest/history/task",
				"/engine-rest/history/variable-instance", "/engine-rest/variable-instance", "/engine-rest/user",
				"/engine-rest/group", "/engine-rest/authorization" }) {
			ResponseEntity<String> answer = this.rest.withBasicAuth(user, "Probe-password-1")
				.getForEntity(query + "?maxResults=100", String.class);
			assertThat(answer.getStatusCode()).as(query).isEqualTo(HttpStatus.OK);
			JsonNode list = this.json.readTree(answer.getBody());
			assertThat(list.isArray()).as(query).isTrue();
			// a user may read its own profile, nothing else
			if (query.endsWith("/user")) {
				assertThat(list).extracting(u -> u.get("id").asText()).containsOnly(user);
			}
			else {
				assertThat(list).as(query).isEmpty();
			}
		}
		assertThat(this.rest.withBasicAuth(user, "Probe-password-1")
			.getForEntity("/engine-rest/task/count", String.class)
			.getBody()).contains("\"count\":0");
	}

	@Test
	void aReviewerSeesTheReviewTasksButNotTheReadersOwnTasks() throws Exception {
		JourneyDriver journey = this.journeys;
		Reader inReview = this.readers.newReader();
		Task review = journey.toReview(inReview, JourneyDriver.Credentials.sample(), JourneyDriver.PNG);
		Reader atAgreement = this.readers.newReader();
		journey.start(atAgreement);
		Task readersOwn = this.taskService.createTaskQuery().taskAssignee(atAgreement.getReaderId()).singleResult();
		assertThat(readersOwn.getTaskDefinitionKey()).isEqualTo("accept-agreement");

		JsonNode visible = getAsReviewer("/engine-rest/task?maxResults=2000");
		assertThat(visible).extracting(t -> t.get("id").asText())
			.contains(review.getId())
			.doesNotContain(readersOwn.getId());
		assertThat(visible).extracting(t -> t.get("taskDefinitionKey").asText())
			.doesNotContain("accept-agreement", "informed-consent", "submit-credentials", "resubmit-credentials",
					"answer-questions");
		assertThat(getAsReviewer("/engine-rest/task?maxResults=10&assignee=" + atAgreement.getReaderId())).isEmpty();
		assertThat(this.rest.withBasicAuth("demo-reviewer", "demo-reviewer")
			.getForEntity("/engine-rest/task/{id}", String.class, readersOwn.getId())
			.getStatusCode()
			.value()).as("GET the reader's own task by id").isIn(403, 404);
		// nor the instances, nor the history
		assertThat(getAsReviewer("/engine-rest/process-instance?maxResults=10")).isEmpty();
		assertThat(getAsReviewer("/engine-rest/history/process-instance?maxResults=10")).isEmpty();
		// but the filter and the models behind Tasklist
		assertThat(getAsReviewer("/engine-rest/filter?maxResults=10")).extracting(f -> f.get("name").asText())
			.contains("待审核");
		assertThat(getAsReviewer("/engine-rest/process-definition?maxResults=100"))
			.extracting(d -> d.get("key").asText())
			.contains("hcp-verification", "zone-access");
	}

	@Test
	void onlyAdministratorsMayCreateFilters() {
		String filter = "{\"resourceType\":\"Task\",\"name\":\"probe-" + UUID.randomUUID()
				+ "\",\"query\":{\"candidateGroup\":\"hcp-reviewers\"}}";
		assertThat(this.rest.withBasicAuth("demo-reviewer", "demo-reviewer")
			.postForEntity("/engine-rest/filter/create", json(filter), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<String> created = this.rest.withBasicAuth("demo-admin", "demo-admin")
			.postForEntity("/engine-rest/filter/create", json(filter), String.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.OK);
		this.rest.withBasicAuth("demo-admin", "demo-admin")
			.delete("/engine-rest/filter/{id}", this.readId(created.getBody()));
	}

	/**
	 * Tasks are checked against the staff's grants by indexed lookups per task, not by
	 * Camunda's join of every task to every grant (quadratic: Tasklist's count of 100,000
	 * open reviews took minutes, docs/benchmarks.md). Set through the starter's own
	 * property: the same name as a generic property was silently overwritten.
	 */
	@Test
	void tasksAreCheckedWithLookupsNotWithAJoinOfEveryTaskToEveryGrant() {
		assertThat(this.engineConfiguration.getAuthorizationCheckRevokes()).isEqualTo("always");
	}

	@Test
	void staffQueriesMustPage() {
		ResponseEntity<String> unbounded = this.rest.withBasicAuth("demo-reviewer", "demo-reviewer")
			.getForEntity("/engine-rest/task", String.class);
		assertThat(unbounded.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(unbounded.getBody()).contains("unbound number of results is forbidden");
		assertThat(this.rest.withBasicAuth("demo-reviewer", "demo-reviewer")
			.getForEntity("/engine-rest/task?maxResults=2001", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void theGrantsAreCreatedOnceHoweverOftenTheApplicationStarts() {
		long before = this.authorizationService.createAuthorizationQuery()
			.groupIdIn("hcp-reviewers", "hcp-review-leads", "camunda-admin")
			.count();
		this.staffAuthorizations.afterSingletonsInstantiated();
		this.staffAuthorizations.afterSingletonsInstantiated();
		assertThat(this.authorizationService.createAuthorizationQuery()
			.groupIdIn("hcp-reviewers", "hcp-review-leads", "camunda-admin")
			.count()).isEqualTo(before);
	}

	@Test
	void aStaffIdCannotLookLikeAReaderId() {
		User numeric = this.identityService.newUser("42");
		numeric.setPassword("Probe-password-1");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.identityService.saveUser(numeric))
			.hasMessageContaining("42");
	}

	private String newStaffUser() {
		String id = "probe-" + UUID.randomUUID().toString().substring(0, 8);
		User user = this.identityService.newUser(id);
		user.setPassword("Probe-password-1");
		this.identityService.saveUser(user);
		return id;
	}

	private JsonNode getAsReviewer(String url) throws Exception {
		ResponseEntity<String> answer = this.rest.withBasicAuth("demo-reviewer", "demo-reviewer")
			.getForEntity(url, String.class);
		assertThat(answer.getStatusCode()).as(url).isEqualTo(HttpStatus.OK);
		return this.json.readTree(answer.getBody());
	}

	private String readId(String body) {
		try {
			return this.json.readTree(body).get("id").asText();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static HttpEntity<String> json(String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(body, headers);
	}

}
