package org.hcpgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.EnumMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.hcpgate.processes.StaffGroups;
import org.hcpgate.support.PostgresIntegrationTest;
import org.hcpgate.support.Reviewer;
import org.hcpgate.support.StaffSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * No one can lock staff out (issue 10): a hundred anonymous wrong passwords for a
 * reviewer's account, over REST, the actuator and the webapps' sign-in form, make the
 * account and the address wait (the site's shared throttle answers 429 before any
 * password is checked, Camunda adds its own delay per account), never lock it for good;
 * once the wait is over, the reviewer signs in with the right password.
 */
class StaffLockOutPostgresTest extends PostgresIntegrationTest {

	/** Longer than loginDelayMaxTime (60 s): the engine's clock moves on by this much. */
	static final long PAST_THE_LONGEST_DELAY = 61_000;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	IdentityService identityService;

	@Autowired
	Reviewer reviewer;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aHundredWrongPasswordsMakeTheAccountWaitButNeverLockItForGood() {
		String reviewer = this.reviewer.newStaffMember("lk-", StaffGroups.REVIEWERS);

		long now = System.currentTimeMillis();
		try {
			Map<HttpStatus, Integer> answers = new EnumMap<>(HttpStatus.class);
			for (int attempt = 0; attempt < 100; attempt++) {
				if (attempt < 15) {
					now += PAST_THE_LONGEST_DELAY;
					ClockUtil.setCurrentTime(new Date(now));
				}
				String guess = "guess-" + attempt;
				HttpStatus answer = switch (attempt % 3) {
					case 0 -> tasks(reviewer, guess);
					case 1 -> metrics(reviewer, guess);
					default -> webappSignIn(reviewer, guess);
				};
				answers.merge(answer, 1, Integer::sum);
			}
			// a few were checked and refused, the rest waited unchecked; none got in
			assertThat(answers.keySet()).containsOnly(HttpStatus.UNAUTHORIZED, HttpStatus.TOO_MANY_REQUESTS);
			assertThat(answers.get(HttpStatus.UNAUTHORIZED)).isLessThanOrEqualTo(5);
			// while the wait lasts, even the right password waits (it is not checked)
			assertThat(tasks(reviewer, Reviewer.STAFF_PASSWORD)).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

			// an administrator unlocks the account: Camunda's delay and the site's waits
			// for the name end at once, from every address
			assertThat(this.rest.withBasicAuth("demo-admin", "demo-admin")
				.postForEntity("/engine-rest/user/" + reviewer + "/unlock", null, String.class)
				.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
			assertThat(tasks(reviewer, Reviewer.STAFF_PASSWORD)).isEqualTo(HttpStatus.OK);
			// without an administrator, the waits end by themselves: nothing is for good
			for (int attempt = 0; attempt < 6; attempt++) {
				tasks(reviewer, "guess-again-" + attempt);
			}
			assertThat(tasks(reviewer, Reviewer.STAFF_PASSWORD)).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
			this.jdbc.update("update sign_in_failure set blocked_until = null");
			ClockUtil.setCurrentTime(new Date(now + 2 * PAST_THE_LONGEST_DELAY));
			assertThat(tasks(reviewer, Reviewer.STAFF_PASSWORD)).isEqualTo(HttpStatus.OK);
			assertThat(webappSignIn(reviewer, Reviewer.STAFF_PASSWORD)).isEqualTo(HttpStatus.OK);
		}
		finally {
			ClockUtil.reset();
			this.jdbc.update("delete from sign_in_failure");
		}
	}

	private HttpStatus tasks(String user, String password) {
		return HttpStatus.valueOf(this.rest.withBasicAuth(user, password)
			.getForEntity("/engine-rest/task?maxResults=1", String.class)
			.getStatusCode()
			.value());
	}

	private HttpStatus metrics(String user, String password) {
		return HttpStatus.valueOf(this.rest.withBasicAuth(user, password)
			.getForEntity("/actuator/metrics", String.class)
			.getStatusCode()
			.value());
	}

	private HttpStatus webappSignIn(String user, String password) {
		return StaffSessions.trySignIn(this.rest, user, password);
	}

}
