package org.hcpgate.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Counts failed reader sign-ins per user name and per client address; past the limit, the
 * name (or address) is locked until {@code hcp-gate.security.login-lock} has passed since
 * its first counted failure. Unknown user names count like known ones, so a lock says
 * nothing about whether an account exists. Kept per node, in memory: a cluster of n nodes
 * allows up to n times the attempts. Staff sign in at the Camunda webapps, which delay
 * repeated failures themselves ({@code loginDelay*} engine settings).
 */
@Component
class LoginThrottle {

	private static final int MAX_ENTRIES = 100_000;

	private record Failures(int count, Instant since) {
	}

	private final Map<String, Failures> failures = new ConcurrentHashMap<>();

	private final SecuritySettings settings;

	private final Clock clock;

	@Autowired
	LoginThrottle(SecuritySettings settings) {
		this(settings, Clock.systemUTC());
	}

	LoginThrottle(SecuritySettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	boolean isLocked(String username, String address) {
		return exceeded(userKey(username), this.settings.loginMaxFailures())
				|| (address != null && exceeded(addressKey(address), this.settings.loginMaxFailuresPerAddress()));
	}

	void failed(String username, String address) {
		forgetOldEntries();
		count(userKey(username));
		if (address != null) {
			count(addressKey(address));
		}
	}

	void succeeded(String username) {
		this.failures.remove(userKey(username));
	}

	private boolean exceeded(String key, int limit) {
		Failures counted = this.failures.get(key);
		return counted != null && !expired(counted) && counted.count() >= limit;
	}

	private void count(String key) {
		Instant now = this.clock.instant();
		this.failures.merge(key, new Failures(1, now),
				(old, one) -> expired(old) ? one : new Failures(old.count() + 1, old.since()));
	}

	private boolean expired(Failures counted) {
		return counted.since().plus(this.settings.loginLock()).isBefore(this.clock.instant());
	}

	private void forgetOldEntries() {
		if (this.failures.size() > MAX_ENTRIES) {
			this.failures.values().removeIf(this::expired);
		}
	}

	private static String userKey(String username) {
		return "user:" + ((username != null) ? username.strip().toLowerCase(Locale.ROOT) : "");
	}

	private static String addressKey(String address) {
		return "address:" + address;
	}

}
