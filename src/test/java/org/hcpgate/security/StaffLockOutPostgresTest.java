package org.hcpgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.hcpgate.processes.StaffGroups;
import org.hcpgate.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * No one can lock staff out (issue 10): a hundred anonymous wrong passwords for a
 * reviewer's account over REST put it behind a growing delay, never a permanent lock;
 * once the delay is over, the reviewer signs in with the right password.
 */
class StaffLockOutPostgresTest extends PostgresIntegrationTest {

	/** Longer than loginDelayMaxTime (60 s): the engine's clock moves on by this much. */
	static final long PAST_THE_LONGEST_DELAY = 61_000;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	IdentityService identityService;

	@Test
	void aHundredWrongPasswordsDelayTheAccountButNeverLockItForGood() {
		String reviewer = "lk-" + UUID.randomUUID().toString().substring(0, 8);
		User user = this.identityService.newUser(reviewer);
		user.setPassword("the-right-one-" + reviewer);
		user.setFirstName("审核员");
		user.setLastName(reviewer);
		this.identityService.saveUser(user);
		this.identityService.createMembership(reviewer, StaffGroups.REVIEWERS);

		long now = System.currentTimeMillis();
		try {
			// a guesser who waits out each delay (Camunda counts no failure while the
			// account
			// waits), then a flood: a hundred wrong passwords in all
			for (int attempt = 0; attempt < 100; attempt++) {
				if (attempt < 15) {
					now += PAST_THE_LONGEST_DELAY;
					ClockUtil.setCurrentTime(new Date(now));
				}
				assertThat(tasks(reviewer, "guess-" + attempt)).isEqualTo(HttpStatus.UNAUTHORIZED);
			}
			// the delay is over: the reviewer signs in, the account was never locked for
			// good
			ClockUtil.setCurrentTime(new Date(now + PAST_THE_LONGEST_DELAY));
			assertThat(tasks(reviewer, "the-right-one-" + reviewer)).isEqualTo(HttpStatus.OK);
		}
		finally {
			ClockUtil.reset();
		}
	}

	private HttpStatus tasks(String user, String password) {
		return HttpStatus.valueOf(this.rest.withBasicAuth(user, password)
			.getForEntity("/engine-rest/task?maxResults=1", String.class)
			.getStatusCode()
			.value());
	}

}
