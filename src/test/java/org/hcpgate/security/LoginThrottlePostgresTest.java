package org.hcpgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.hcpgate.security.LoginThrottle.Attempt;
import org.hcpgate.security.LoginThrottle.Realm;
import org.hcpgate.support.PostgresRepositoryTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sign-in throttle counts in PostgreSQL, so every node sees the same count: a
 * growing, temporary delay per name and address, per name, per address; never a lock for
 * good.
 */
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class LoginThrottlePostgresTest extends PostgresRepositoryTest {

	final SecuritySettings settings = new SecuritySettings(false, Duration.ofDays(365), 3, Duration.ofSeconds(30),
			Duration.ofMinutes(15));

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	final MutableClock clock = new MutableClock();

	final String name = "doctor-" + UUID.randomUUID();

	@Test
	void aNameWaitsAfterTheLimitWithAGrowingDelayThatEnds() {
		LoginThrottle throttle = throttle();
		Attempt attempt = new Attempt(Realm.READER, this.name, "10.0.0.1");
		for (int i = 0; i < 3; i++) {
			assertThat(throttle.waitFor(attempt)).isEmpty();
			throttle.failed(attempt);
		}
		assertThat(throttle.waitFor(new Attempt(Realm.READER, " " + this.name.toUpperCase() + " ", "10.0.0.1")))
			.contains(Duration.ofSeconds(30));
		this.clock.pass(Duration.ofSeconds(31));
		assertThat(throttle.waitFor(attempt)).isEmpty();
		throttle.failed(attempt);
		assertThat(throttle.waitFor(attempt)).contains(Duration.ofSeconds(60));
		this.clock.pass(Duration.ofSeconds(61));
		throttle.failed(attempt);
		assertThat(throttle.waitFor(attempt)).contains(Duration.ofSeconds(120));
		// however long the guessing, the wait is temporary
		for (int i = 0; i < 20; i++) {
			this.clock.pass(Duration.ofMinutes(16));
			throttle.failed(attempt);
		}
		assertThat(throttle.waitFor(attempt)).contains(Duration.ofMinutes(15));
		this.clock.pass(Duration.ofMinutes(16));
		assertThat(throttle.waitFor(attempt)).isEmpty();
	}

	@Test
	void oneReadersMistakesBehindAHospitalNatLeaveTheColleaguesFree() {
		LoginThrottle throttle = throttle();
		for (int i = 0; i < 3; i++) {
			throttle.failed(new Attempt(Realm.READER, this.name, "192.0.2.7"));
		}
		assertThat(throttle.waitFor(new Attempt(Realm.READER, this.name, "192.0.2.7"))).isPresent();
		assertThat(throttle.waitFor(new Attempt(Realm.READER, "colleague-" + this.name, "192.0.2.7"))).isEmpty();
		// the owner at home is not kept waiting by the mistakes at work
		assertThat(throttle.waitFor(new Attempt(Realm.READER, this.name, "198.51.100.1"))).isEmpty();
	}

	@Test
	void aGuesserWhoChangesAddressStillMakesTheNameWait() {
		LoginThrottle throttle = throttle();
		for (int i = 0; i < 12; i++) {
			throttle.failed(new Attempt(Realm.READER, this.name, "203.0.113." + i));
		}
		assertThat(throttle.waitFor(new Attempt(Realm.READER, this.name, "198.51.100.99"))).isPresent();
	}

	@Test
	void oneAddressSprayingNamesWaitsToo() {
		LoginThrottle throttle = throttle();
		String address = "10.9." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
		for (int i = 0; i < 60; i++) {
			throttle.failed(new Attempt(Realm.READER, "name-" + i + "-" + this.name, address));
		}
		assertThat(throttle.waitFor(new Attempt(Realm.READER, "someone-new-" + this.name, address))).isPresent();
		assertThat(throttle.waitFor(new Attempt(Realm.READER, "someone-new-" + this.name, "10.8.0.1"))).isEmpty();
	}

	@Test
	void aSuccessForgetsTheNamesFailuresAndStaffAreCountedApart() {
		LoginThrottle throttle = throttle();
		Attempt reader = new Attempt(Realm.READER, this.name, "10.0.0.3");
		throttle.failed(reader);
		throttle.failed(reader);
		throttle.succeeded(reader);
		throttle.failed(reader);
		throttle.failed(reader);
		assertThat(throttle.waitFor(reader)).isEmpty();
		throttle.failed(reader);
		assertThat(throttle.waitFor(reader)).isPresent();
		assertThat(throttle.waitFor(new Attempt(Realm.STAFF, this.name, "10.0.0.3"))).isEmpty();
	}

	@Test
	void aStandingSaysWhetherAnythingIsCountedSoThatAClearSuccessWritesNothing() {
		LoginThrottle throttle = throttle();
		Attempt attempt = new Attempt(Realm.STAFF, this.name, "10.0.0.7");
		assertThat(throttle.standing(attempt)).isEqualTo(new LoginThrottle.Standing(Duration.ZERO, false));
		throttle.failed(attempt);
		LoginThrottle.Standing failedOnce = throttle.standing(attempt);
		assertThat(failedOnce.counted()).isTrue();
		assertThat(failedOnce.mustWait()).isFalse();
		throttle.succeeded(attempt, failedOnce);
		// the name's counts are gone; the address's stays, as for any success
		assertThat(this.jdbc.queryForObject("select count(*) from sign_in_failure where throttle_key in (?, ?)",
				Long.class, attempt.counts(3).get(0).key(), attempt.counts(3).get(1).key()))
			.isZero();
		assertThat(throttle.standing(attempt).counted()).as("the address's count").isTrue();
	}

	@Test
	void failuresOnTwoNodesAtOnceAreAllCounted() throws Exception {
		// two throttles on one database: two nodes
		LoginThrottle one = throttle();
		LoginThrottle other = throttle();
		Attempt attempt = new Attempt(Realm.STAFF, this.name, "10.0.0.4");
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<CompletableFuture<Void>> failures = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				LoginThrottle node = (i % 2 == 0) ? one : other;
				failures.add(CompletableFuture.runAsync(() -> node.failed(attempt), pool));
			}
			CompletableFuture.allOf(failures.toArray(CompletableFuture[]::new)).get();
		}
		finally {
			pool.shutdownNow();
		}
		List<Integer> counts = this.jdbc.queryForList(
				"select failures from sign_in_failure where throttle_key in (?, ?)", Integer.class,
				attempt.counts(3).get(0).key(), attempt.counts(3).get(1).key());
		assertThat(counts).containsExactly(20, 20);
		assertThat(other.waitFor(attempt)).isPresent();
	}

	@Test
	void noNameOrAddressIsKeptInTheClear() {
		throttle().failed(new Attempt(Realm.READER, this.name, "10.0.0.5"));
		assertThat(this.jdbc.queryForObject("select count(*) from sign_in_failure where throttle_key like ?",
				Long.class, "%doctor%"))
			.isZero();
	}

	@Test
	void oldFailuresAreForgotten() {
		LoginThrottle throttle = throttle();
		Attempt attempt = new Attempt(Realm.READER, this.name, "10.0.0.6");
		throttle.failed(attempt);
		String key = attempt.counts(3).get(0).key();
		this.clock.pass(Duration.ofHours(2));
		throttle.forgetOldFailures();
		assertThat(this.jdbc.queryForObject("select count(*) from sign_in_failure where throttle_key = ?", Long.class,
				key))
			.isZero();
	}

	private LoginThrottle throttle() {
		return new LoginThrottle(this.jdbc, this.transactions, this.settings, this.clock);
	}

	static class MutableClock extends Clock {

		volatile Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

		void pass(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
