package org.hcpgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.digest.Sha512HashDigest;
import org.hcpgate.processes.StaffGroups;
import org.hcpgate.support.PostgresIntegrationTest;
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

/**
 * Staff passwords (issue 10): Camunda's password policy holds for every password a person
 * sets, and passwords are kept as BCrypt, not single-round SHA-512; hashes from before
 * still sign in.
 */
class StaffPasswordsPostgresTest extends PostgresIntegrationTest {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	IdentityService identityService;

	@Test
	void aWeakStaffPasswordIsRefusedAndAGoodOneIsKeptAsBcrypt() {
		String id = "pw-" + UUID.randomUUID().toString().substring(0, 8);
		ResponseEntity<String> weak = createUser(id, "password123");
		assertThat(weak.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(weak.getBody()).contains("[password-policy]").contains("at least 10 characters");
		assertThat(this.identityService.createUserQuery().userId(id).count()).isZero();

		String good = "Gu4rded-" + UUID.randomUUID().toString().substring(0, 6);
		assertThat(createUser(id, good).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		String stored = this.jdbc.queryForObject("select pwd_ from act_id_user where id_ = ?", String.class, id);
		assertThat(stored).startsWith("{BCRYPT}$2a$10$");
		this.identityService.createMembership(id, StaffGroups.REVIEWERS);
		assertThat(tasks(id, good)).isEqualTo(HttpStatus.OK);

		// changing it later: the policy again
		HttpHeaders json = new HttpHeaders();
		json.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<String> change = this.rest.withBasicAuth(id, good)
			.exchange("/engine-rest/user/" + id + "/credentials", HttpMethod.PUT,
					new HttpEntity<>("{\"password\":\"short\",\"authenticatedUserPassword\":\"" + good + "\"}", json),
					String.class);
		assertThat(change.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(tasks(id, good)).isEqualTo(HttpStatus.OK);
		assertThat(tasks(id, good + "x")).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void aPasswordHashedBeforeWithSha512StillSignsIn() {
		String id = "old-" + UUID.randomUUID().toString().substring(0, 8);
		String password = "Old-style-Passw0rd";
		assertThat(createUser(id, "Temporary-Passw0rd").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		this.identityService.createMembership(id, StaffGroups.REVIEWERS);
		String salt = this.jdbc.queryForObject("select salt_ from act_id_user where id_ = ?", String.class, id);
		// as Camunda 7.7 to 7.24 wrote it: {SHA-512} and the salted password's digest
		this.jdbc.update("update act_id_user set pwd_ = ? where id_ = ?",
				"{SHA-512}" + new Sha512HashDigest().encrypt(password + salt), id);
		assertThat(tasks(id, password)).isEqualTo(HttpStatus.OK);
	}

	@Test
	void everyByteOfALongPasswordCounts() {
		String id = "long-" + UUID.randomUUID().toString().substring(0, 8);
		// far past BCrypt's 72 bytes; the two differ in their last character only
		String longPassword = "Pw-1-" + "cardiology-department-".repeat(5) + "A";
		assertThat(createUser(id, longPassword).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		this.identityService.createMembership(id, StaffGroups.REVIEWERS);
		assertThat(tasks(id, longPassword)).isEqualTo(HttpStatus.OK);
		assertThat(tasks(id, longPassword.substring(0, longPassword.length() - 1) + "B"))
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	private ResponseEntity<String> createUser(String id, String password) {
		HttpHeaders json = new HttpHeaders();
		json.setContentType(MediaType.APPLICATION_JSON);
		String body = "{\"profile\":{\"id\":\"" + id + "\",\"firstName\":\"审核员\",\"lastName\":\"" + id
				+ "\"},\"credentials\":{\"password\":\"" + password + "\"}}";
		return this.rest.withBasicAuth("demo-admin", "demo-admin")
			.postForEntity("/engine-rest/user/create", new HttpEntity<>(body, json), String.class);
	}

	private HttpStatus tasks(String user, String password) {
		return HttpStatus.valueOf(this.rest.withBasicAuth(user, password)
			.getForEntity("/engine-rest/task?maxResults=1", String.class)
			.getStatusCode()
			.value());
	}

}
