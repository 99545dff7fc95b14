package org.hcpgate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.hcpgate.credentials.CredentialSubmission;
import org.hcpgate.credentials.CredentialSubmissionRepository;
import org.hcpgate.readers.Reader;
import org.hcpgate.readers.ReaderAccountRepository;
import org.hcpgate.support.JourneyDriver;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The site's own defences on the running application: CSRF, headers (with a CSP the pages
 * really satisfy), session cookies, throttled sign-in, and no way for a reader to reach
 * another reader's data (IDOR) or for the wrong staff to see licence images.
 */
class WebSecurityPostgresTest extends PostgresIntegrationTest {

	@Autowired
	JourneyDriver journeys;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	Readers readers;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	CredentialSubmissionRepository submissions;

	@Autowired
	ReaderAccountRepository readerAccounts;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void everyStateChangingRequestOfTheSiteNeedsTheCsrfToken() throws Exception {
		Reader reader = this.readers.newReader();
		this.mvc.perform(post("/account/consents/withdraw").param("zone", JourneyDriver.ZONE).with(user(reader)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/account/delete").param("password", "secret-password")
				.param("confirm", "true")
				.with(user(reader)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/journey/" + JourneyDriver.ZONE + "/agreement").param("choice", "agree").with(user(reader)))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/register").param("username", "csrf-probe")).andExpect(status().isForbidden());
		this.mvc.perform(post("/logout").with(user(reader))).andExpect(status().isForbidden());
	}

	@Test
	void theWebappsKeepTheirOwnCsrfProtectionBesideSpringSecurity() {
		ResponseEntity<String> entry = this.rest.getForEntity("/camunda/app/tasklist/default/", String.class);
		HttpHeaders headers = new HttpHeaders();
		headers.put(HttpHeaders.COOKIE,
				entry.getHeaders().get(HttpHeaders.SET_COOKIE).stream().map(c -> c.split(";", 2)[0]).toList());
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("username", "demo-reviewer");
		form.add("password", "demo-reviewer");
		// without the webapps' token: refused by Camunda's CsrfPreventionFilter
		ResponseEntity<String> refused = this.rest.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist",
				new HttpEntity<>(form, headers), String.class);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(refused.getHeaders().getFirst("X-XSRF-TOKEN")).isEqualTo("Required");
		// with it (and no Spring Security token): signed in, and the API answers
		HttpHeaders session = StaffSessions.signIn(this.rest, "demo-reviewer", "demo-reviewer");
		session.setContentType(MediaType.APPLICATION_JSON);
		assertThat(this.rest
			.exchange("/camunda/api/engine/engine/default/task/count", HttpMethod.POST, new HttpEntity<>("{}", session),
					String.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		session.remove("X-XSRF-TOKEN");
		assertThat(this.rest
			.exchange("/camunda/api/engine/engine/default/task/count", HttpMethod.POST, new HttpEntity<>("{}", session),
					String.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void pagesCarryTheSecurityHeadersAndAHardenedSessionCookie() {
		ResponseEntity<String> page = this.rest.getForEntity("/login", String.class);
		HttpHeaders headers = page.getHeaders();
		// the sign-in page's form may end in a redirect to a partner site: form-action
		// also
		// names the registered partners' redirect origins (the demo partner's loopback
		// one),
		// and the policy is otherwise the site's
		String policy = headers.getFirst("Content-Security-Policy");
		assertThat(policy).contains("form-action 'self' http://127.0.0.1:*");
		assertThat(policy.replaceAll("form-action [^;]*;", "form-action 'self';"))
			.isEqualTo(SitePolicy.CONTENT_SECURITY_POLICY);
		assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("SAMEORIGIN");
		assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("same-origin");
		assertThat(headers.getFirst("Strict-Transport-Security")).as("HSTS only with hcp-gate.security.https").isNull();
		assertThat(headers.get(HttpHeaders.SET_COOKIE)).anySatisfy(
				cookie -> assertThat(cookie).startsWith("SESSION=").contains("HttpOnly").contains("SameSite=Lax"));
		// the webapps' own CSRF cookie is SameSite too; their pages get Camunda's CSP
		ResponseEntity<String> tasklist = this.rest.getForEntity("/camunda/app/tasklist/default/", String.class);
		assertThat(tasklist.getHeaders().get(HttpHeaders.SET_COOKIE))
			.anySatisfy(cookie -> assertThat(cookie).startsWith("XSRF-TOKEN=").contains("SameSite=Lax"))
			.allSatisfy(cookie -> assertThat(cookie.split("SameSite", -1)).as("SameSite once: " + cookie).hasSize(2));
		assertThat(tasklist.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'self'");
	}

	@Test
	void theSitesPagesSatisfyTheirContentSecurityPolicy() throws Exception {
		Reader reader = this.readers.newReader();
		JourneyDriver journey = this.journeys;
		List<String> pages = new java.util.ArrayList<>();
		pages.add(html(get("/")));
		pages.add(html(get("/articles/1")));
		pages.add(html(get("/articles/1").with(user(reader))));
		pages.add(html(get("/login")));
		pages.add(html(get("/register")));
		pages.add(html(get("/account").with(user(reader))));
		journey.start(reader);
		pages.add(html(get(JourneyDriver.journey()).with(user(reader))));
		journey.answer(reader, "agreement", "agree");
		pages.add(html(get(JourneyDriver.journey()).with(user(reader))));
		journey.answer(reader, "informed-consent", "agree");
		pages.add(html(get(JourneyDriver.journey()).with(user(reader))));
		journey.submitCredentials(reader, JourneyDriver.Credentials.sample(), JourneyDriver.PNG);
		pages.add(html(get(JourneyDriver.journey()).with(user(reader))));
		long submission = latestSubmission(reader).getId();
		HttpHeaders staff = StaffSessions.signIn(this.rest, "demo-reviewer", "demo-reviewer");
		ResponseEntity<String> staffPage = this.rest.exchange("/staff/submissions/{id}", HttpMethod.GET,
				new HttpEntity<>(staff), String.class, submission);
		assertThat(staffPage.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(staffPage.getHeaders().getFirst("Content-Security-Policy"))
			.isEqualTo(SitePolicy.CONTENT_SECURITY_POLICY);
		pages.add(staffPage.getBody());

		Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
		Pattern foreignSource = Pattern.compile("(?:src|href)=\"(?:https?:)?//", Pattern.CASE_INSENSITIVE);
		for (String page : pages) {
			assertThat(page).isNotBlank();
			assertThat(inlineScript.matcher(page).find()).as("inline script in\n" + page).isFalse();
			assertThat(page).as("inline style").doesNotContainIgnoringCase("<style").doesNotContain(" style=\"");
			assertThat(Pattern.compile("\\son[a-z]+=\"", Pattern.CASE_INSENSITIVE).matcher(page).find())
				.as("inline event handler in\n" + page)
				.isFalse();
			assertThat(page).as("javascript: URL").doesNotContainIgnoringCase("javascript:");
			Matcher foreign = foreignSource.matcher(page);
			assertThat(foreign.find()).as("resource from another origin in\n" + page).isFalse();
		}
	}

	@Test
	void repeatedFailedSignInsMakeTheUserNameWaitForAWhileOnly() throws Exception {
		Reader reader = this.readers.newReader();
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(formLogin("/login").user(reader.getUsername()).password("wrong-" + i))
				.andExpect(redirectedUrl("/login?error"));
		}
		// even the right password is refused now, without being checked
		this.mvc.perform(formLogin("/login").user(reader.getUsername()).password("secret-password"))
			.andExpect(redirectedUrl("/login?locked"));
		this.mvc.perform(get("/login").param("locked", "")).andExpect(status().isOk());
		// another reader is not affected
		Reader other = this.readers.newReader();
		this.mvc.perform(formLogin("/login").user(other.getUsername()).password("secret-password"))
			.andExpect(redirectedUrl("/"));
		// the wait is over (the throttle's rows say so, for every node): the owner signs
		// in
		this.jdbc.update("update sign_in_failure set blocked_until = now() - interval '1 second' "
				+ "where blocked_until > now()");
		this.mvc.perform(formLogin("/login").user(reader.getUsername()).password("secret-password"))
			.andExpect(redirectedUrl("/"));
		// an unknown name locks the same way: a lock tells nothing about which names
		// exist
		String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(formLogin("/login").user(unknown).password("x")).andExpect(redirectedUrl("/login?error"));
		}
		this.mvc.perform(formLogin("/login").user(unknown).password("x")).andExpect(redirectedUrl("/login?locked"));
	}

	@Test
	void passwordsAreStoredWithBcrypt() {
		Reader reader = this.readers.newReader();
		assertThat(this.readerAccounts.findByUsername(reader.getUsername()).orElseThrow().getPasswordHash())
			.startsWith("{bcrypt}$2");
	}

	@Test
	void aReaderCannotReachAnotherReadersSubmissionPhotoOrData() throws Exception {
		JourneyDriver journey = this.journeys;
		Reader owner = this.readers.newReader();
		String name = "IDOR" + UUID.randomUUID().toString().substring(0, 8);
		journey.toReview(owner, new JourneyDriver.Credentials(name, "协和医院", "ICU", "中级", "ABC123456"),
				JourneyDriver.PNG);
		long id = latestSubmission(owner).getId();
		Reader other = this.readers.newReader();

		for (String url : List.of("/staff/submissions/" + id, "/staff/submissions/" + id + "/photo", "/staff/answers/1",
				"/engine-rest/task?maxResults=10", "/engine-rest/history/variable-instance",
				"/camunda/app/tasklist/default/", "/camunda/api/engine/engine/default/task")) {
			this.mvc.perform(get(url).with(user(other))).andExpect(status().isForbidden());
			this.mvc.perform(get(url).with(user(owner))).andExpect(status().isForbidden());
		}
		// nothing of the owner shows on the other reader's own pages
		String account = html(get("/account").with(user(other)));
		assertThat(account).doesNotContain(name);
		journey.agreeAndConsent(other);
		assertThat(html(get(JourneyDriver.journey()).with(user(other)))).doesNotContain(name);
		// nor anonymously
		this.mvc.perform(get("/staff/submissions/" + id + "/photo")).andExpect(status().isForbidden());
	}

	@Test
	void licenceImagesGoOnlyToReviewersAndLeadsAndAreNeverCached() throws Exception {
		JourneyDriver journey = this.journeys;
		Reader owner = this.readers.newReader();
		journey.toReview(owner, JourneyDriver.Credentials.sample(), JourneyDriver.PNG);
		long id = latestSubmission(owner).getId();

		ResponseEntity<byte[]> reviewer = photo(StaffSessions.signIn(this.rest, "demo-reviewer", "demo-reviewer"), id);
		assertThat(reviewer.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(reviewer.getBody()).isEqualTo(JourneyDriver.PNG);
		assertThat(reviewer.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
		assertThat(reviewer.getHeaders().getCacheControl()).contains("no-store");

		String lead = staffUser("hcp-review-leads");
		assertThat(photo(StaffSessions.signIn(this.rest, lead, "Probe-password-1"), id).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		// an administrator is staff, but not a reviewer
		assertThat(photo(StaffSessions.signIn(this.rest, "demo-admin", "demo-admin"), id).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		// a staff user in no group cannot even sign in to Tasklist; without a session:
		// refused
		String nobody = staffUser(null);
		ResponseEntity<String> entry = this.rest.getForEntity("/camunda/app/tasklist/default/", String.class);
		HttpHeaders headers = new HttpHeaders();
		headers.put(HttpHeaders.COOKIE,
				entry.getHeaders().get(HttpHeaders.SET_COOKIE).stream().map(c -> c.split(";", 2)[0]).toList());
		headers.set("X-XSRF-TOKEN", entry.getHeaders().getFirst("X-XSRF-TOKEN"));
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("username", nobody);
		form.add("password", "Probe-password-1");
		assertThat(this.rest
			.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist", new HttpEntity<>(form, headers),
					String.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(photo(new HttpHeaders(), id).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	private ResponseEntity<byte[]> photo(HttpHeaders session, long id) {
		return this.rest.exchange("/staff/submissions/{id}/photo", HttpMethod.GET, new HttpEntity<>(session),
				byte[].class, id);
	}

	private String staffUser(String group) {
		String id = "probe-" + UUID.randomUUID().toString().substring(0, 8);
		User user = this.identityService.newUser(id);
		user.setPassword("Probe-password-1");
		this.identityService.saveUser(user);
		if (group != null) {
			this.identityService.createMembership(id, group);
		}
		return id;
	}

	private CredentialSubmission latestSubmission(Reader reader) {
		return this.submissions.findByReaderIdOrderBySubmittedAtDesc(reader.getReaderId()).get(0);
	}

	private String html(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(header().exists("Content-Security-Policy"))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
