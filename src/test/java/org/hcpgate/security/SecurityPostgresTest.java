package org.hcpgate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.hcpgate.accounts.Reader;
import org.hcpgate.support.PostgresIntegrationTest;
import org.hcpgate.support.Readers;
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
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Who may reach what: anonymous callers, readers and staff, on the running application. */
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
		// (a wrong password for demo-reviewer would lock it for seconds: Camunda's login delay)
		assertThat(this.rest.withBasicAuth("nobody", "wrong").getForEntity("/engine-rest/task", String.class)
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
		this.mvc.perform(post("/camunda/api/admin/setup/default/user/create")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"intruder-password\"}}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void aReviewerSignedInToTasklistMayOpenStaffPages() {
		HttpHeaders session = tasklistSession("demo-reviewer", "demo-reviewer");
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

	/** Signs in at the Camunda webapps as staff do, and returns the session's cookies. */
	private HttpHeaders tasklistSession(String user, String password) {
		ResponseEntity<String> entry = this.rest.getForEntity("/camunda/app/tasklist/default/", String.class);
		List<String> cookies = entry.getHeaders().get(HttpHeaders.SET_COOKIE);
		String xsrf = entry.getHeaders().getFirst("X-XSRF-TOKEN");
		HttpHeaders headers = new HttpHeaders();
		headers.put(HttpHeaders.COOKIE, cookies.stream().map(c -> c.split(";", 2)[0]).toList());
		headers.set("X-XSRF-TOKEN", xsrf);
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("username", user);
		form.add("password", password);
		ResponseEntity<String> login = this.rest.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist",
				new HttpEntity<>(form, headers), String.class);
		assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
		HttpHeaders signedIn = new HttpHeaders();
		List<String> renewed = login.getHeaders().get(HttpHeaders.SET_COOKIE);
		signedIn.put(HttpHeaders.COOKIE, ((renewed != null) ? renewed : cookies).stream()
			.map(c -> c.split(";", 2)[0])
			.toList());
		return signedIn;
	}

}
