package org.hcpgate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hcpgate.readers.Reader;
import org.hcpgate.support.PostgresIntegrationTest;
import org.hcpgate.support.Readers;
import org.hcpgate.support.StaffSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Who may reach what: anonymous callers, readers and staff, on the running application.
 */
class SecurityPostgresTest extends PostgresIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	Readers readers;

	@Test
	void restApiRefusesAnonymousCallersAndAnswersStaffWithBasic() {
		assertThat(this.rest.getForEntity("/engine-rest/task", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		// (a wrong password for demo-reviewer would lock it for seconds: Camunda's login
		// delay)
		assertThat(this.rest.withBasicAuth("nobody", "wrong")
			.getForEntity("/engine-rest/task", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.rest.withBasicAuth("demo-reviewer", "demo-reviewer")
			.getForEntity("/engine-rest/task?maxResults=50", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void readersCannotUseTheirSiteCredentialsOnTheRestApi() {
		Reader reader = this.readers.newReader();
		assertThat(this.rest.withBasicAuth(reader.getUsername(), "secret-password")
			.getForEntity("/engine-rest/task", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void signedInReadersAreRefusedTheEngineWebappsAndApi() throws Exception {
		Reader reader = this.readers.newReader();
		this.mvc.perform(get("/engine-rest/task").with(user(reader))).andExpect(status().isForbidden());
		this.mvc.perform(get("/camunda/app/tasklist/default/").with(user(reader))).andExpect(status().isForbidden());
		this.mvc.perform(get("/staff/submissions/1").with(user(reader))).andExpect(status().isForbidden());
	}

	@Test
	void anonymousCallersGetNoStaffPages() throws Exception {
		this.mvc.perform(get("/staff/submissions/1")).andExpect(status().isForbidden());
		this.mvc.perform(get("/staff/submissions/1/photo")).andExpect(status().isForbidden());
	}

	@Test
	void theWebappsFirstRunSetupIsClosed() throws Exception {
		this.mvc
			.perform(post("/camunda/api/admin/setup/default/user/create").contentType(MediaType.APPLICATION_JSON)
				.content("{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"intruder-password\"}}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void aReviewerSignedInToTasklistMayOpenStaffPages() {
		HttpHeaders session = StaffSessions.signIn(this.rest, "demo-reviewer", "demo-reviewer");
		ResponseEntity<String> page = this.rest.exchange("/staff/submissions/999999", HttpMethod.GET,
				new HttpEntity<>(session), String.class);
		// past the security check: the submission simply does not exist
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void anAnonymousVisitorSignsInFirstAndComesBackToTheJourney() throws Exception {
		this.mvc.perform(get("/journey/sepsis-immunotherapy").param("article", "1"))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
		this.mvc.perform(get("/articles/1")).andExpect(status().isOk());
	}

}
