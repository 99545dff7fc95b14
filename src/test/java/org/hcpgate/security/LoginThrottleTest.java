package org.hcpgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

	final SecuritySettings settings = new SecuritySettings(false, Duration.ofDays(365), 3, Duration.ofMinutes(15));

	@Test
	void aUserNameLocksAfterTheLimitAndOpensAgainAfterTheLockTime() {
		MutableClock clock = new MutableClock();
		LoginThrottle throttle = new LoginThrottle(this.settings, clock);
		for (int i = 0; i < 3; i++) {
			assertThat(throttle.isLocked("Doctor", "10.0.0.1")).isFalse();
			throttle.failed("doctor ", "10.0.0.1");
		}
		assertThat(throttle.isLocked("DOCTOR", "10.0.0.2")).isTrue();
		assertThat(throttle.isLocked("nurse", "10.0.0.2")).isFalse();
		clock.now = clock.now.plus(Duration.ofMinutes(16));
		assertThat(throttle.isLocked("doctor", "10.0.0.1")).isFalse();
	}

	@Test
	void oneAddressTryingManyNamesLocksToo() {
		LoginThrottle throttle = new LoginThrottle(this.settings, new MutableClock());
		for (int i = 0; i < this.settings.loginMaxFailuresPerAddress(); i++) {
			throttle.failed("name-" + i, "10.0.0.9");
		}
		assertThat(throttle.isLocked("someone-new", "10.0.0.9")).isTrue();
		assertThat(throttle.isLocked("someone-new", "10.0.0.8")).isFalse();
	}

	@Test
	void aSuccessForgetsTheFailures() {
		LoginThrottle throttle = new LoginThrottle(this.settings, new MutableClock());
		throttle.failed("doctor", null);
		throttle.failed("doctor", null);
		throttle.succeeded("doctor");
		throttle.failed("doctor", null);
		throttle.failed("doctor", null);
		assertThat(throttle.isLocked("doctor", null)).isFalse();
	}

	static class MutableClock extends Clock {

		Instant now = Instant.parse("2026-01-01T00:00:00Z");

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
