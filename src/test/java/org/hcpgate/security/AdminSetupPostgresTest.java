package org.hcpgate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.hcpgate.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The Admin webapp's first-run setup creates an administrator for anyone while
 * {@code camunda-admin} has no direct member (the CVE-2026-77226 advisory). It is refused
 * to everyone, with members and without.
 */
class AdminSetupPostgresTest extends PostgresIntegrationTest {

	static final String SETUP = "/camunda/api/admin/setup/default/user/create";

	static final String INTRUDER = "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"I\",\"lastName\":\"I\","
			+ "\"email\":\"i@example.org\"},\"credentials\":{\"password\":\"intruder-password\"}}";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	IdentityService identity;

	@Test
	void theSetupEndpointIsRefusedWhileAdministratorsExist() throws Exception {
		assertThat(this.identity.createUserQuery().memberOfGroup("camunda-admin").count()).isPositive();
		assertSetupRefused();
	}

	@Test
	void theSetupEndpointIsRefusedEvenWhenCamundaAdminHasNoMember() throws Exception {
		List<User> admins = this.identity.createUserQuery().memberOfGroup("camunda-admin").list();
		admins.forEach(admin -> this.identity.deleteMembership(admin.getId(), "camunda-admin"));
		try {
			assertThat(AdminProvisioning.hasDirectMember(this.identity)).isFalse();
			assertSetupRefused();
		}
		finally {
			admins.forEach(admin -> this.identity.createMembership(admin.getId(), "camunda-admin"));
		}
	}

	private void assertSetupRefused() throws Exception {
		this.mvc.perform(post(SETUP).contentType(MediaType.APPLICATION_JSON).content(INTRUDER))
			.andExpect(status().isForbidden());
		// with the webapps' own CSRF token, through the real server and its firewall
		HttpHeaders headers = new HttpHeaders();
		org.springframework.http.ResponseEntity<String> entry = this.rest.getForEntity("/camunda/app/admin/default/",
				String.class);
		List<String> cookies = entry.getHeaders().get(HttpHeaders.SET_COOKIE);
		if (cookies != null) {
			headers.put(HttpHeaders.COOKIE, cookies.stream().map(c -> c.split(";", 2)[0]).toList());
		}
		if (entry.getHeaders().getFirst("X-XSRF-TOKEN") != null) {
			headers.set("X-XSRF-TOKEN", entry.getHeaders().getFirst("X-XSRF-TOKEN"));
		}
		headers.setContentType(MediaType.APPLICATION_JSON);
		for (String url : List.of(SETUP, "/camunda/api/admin/setup/default/user/create/",
				"/camunda/api/admin//setup/default/user/create", "/camunda/api/admin/setup/default/user/create;x=y",
				"/camunda/api/admin/%73etup/default/user/create", "/camunda/api/admin/./setup/default/user/create")) {
			int status = this.rest
				.postForEntity(java.net.URI.create(this.rest.getRootUri() + url), new HttpEntity<>(INTRUDER, headers),
						String.class)
				.getStatusCode()
				.value();
			assertThat(status).as(url).isIn(400, 403, 404, 405);
		}
		assertThat(this.identity.createUserQuery().userId("intruder").count()).isZero();
	}

}
