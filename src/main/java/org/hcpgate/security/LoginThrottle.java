package org.hcpgate.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed sign-ins, counted in the database so that every node of the site holds the same
 * count (table {@code sign_in_failure}). Past a limit the sign-in waits: a temporary,
 * growing delay ({@code login-delay}, doubled by every further failure, at most
 * {@code login-lock}), never a lock for good. Three counts, each with its own limit:
 * <ul>
 * <li>a user name from one address ({@code login-max-failures}): the reader who mistypes
 * waits, the colleagues behind the same hospital NAT do not;</li>
 * <li>a user name from any address (four times as many): a guesser who changes address
 * gets no more tries at one account;</li>
 * <li>an address, whatever the name (twenty times as many): one client spraying
 * names.</li>
 * </ul>
 * Unknown user names count like known ones, so a wait says nothing about whether an
 * account exists. Readers and staff are counted apart ({@link Realm}). Rows are keyed by
 * a hash, so no name or address is kept, and forget themselves.
 */
@Component
class LoginThrottle {

	/** Whose sign-in: readers at the site, staff at the webapps, REST and actuator. */
	enum Realm {

		READER, STAFF

	}

	/** One sign-in attempt: who it claims to be, from where. */
	record Attempt(Realm realm, String username, String address) {

		/** The name's two counts (with its subject), then the address's (without). */
		List<Count> counts(int limit) {
			String user = normalized(this.username);
			String from = (this.address != null) ? this.address : "";
			String subject = subject(this.realm, this.username);
			return List.of(new Count(key("user-address", user + "\n" + from), subject, limit),
					new Count(key("user", user), subject, limit * 4),
					new Count(key("address", from), null, limit * 20));
		}

		private String key(String kind, String value) {
			return Digests.sha256(this.realm + "\n" + kind + "\n" + value);
		}

	}

	/**
	 * One count; {@code subject} is set on a name's counts (which a success or an
	 * administrator's unlock clears), null on an address's (which stays: a sprayer who
	 * knows one password does not clear the way for the others).
	 */
	record Count(String key, String subject, int limit) {
	}

	/**
	 * Where an attempt stands before its password is checked: how long it must still wait
	 * (zero when it may try), and whether any failure is counted for it at all.
	 */
	record Standing(Duration remaining, boolean counted) {

		boolean mustWait() {
			return !this.remaining.isZero();
		}

	}

	/** What the counts of one name share, whatever the address. */
	static String subject(Realm realm, String username) {
		return Digests.sha256(realm + "\nsubject\n" + normalized(username));
	}

	private static String normalized(String username) {
		return (username != null) ? username.strip().toLowerCase(Locale.ROOT) : "";
	}

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final SecuritySettings settings;

	private final Clock clock;

	@Autowired
	LoginThrottle(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, SecuritySettings settings) {
		this(jdbc, transactionManager, settings, Clock.systemUTC());
	}

	LoginThrottle(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, SecuritySettings settings,
			Clock clock) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		// its own transaction: a sign-in is counted whatever happens around it
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * One query: how long this attempt must wait, and whether it has failures counted.
	 */
	public Standing standing(Attempt attempt) {
		Instant now = this.clock.instant();
		List<String> keys = attempt.counts(this.settings.loginMaxFailures()).stream().map(Count::key).toList();
		return this.jdbc.queryForObject(
				"select max(blocked_until), count(*) from sign_in_failure where throttle_key in (?, ?, ?)",
				(rs, row) -> {
					Timestamp until = rs.getTimestamp(1);
					Duration remaining = (until == null || !until.toInstant().isAfter(now)) ? Duration.ZERO
							: Duration.between(now, until.toInstant());
					return new Standing(remaining, rs.getLong(2) > 0);
				}, keys.toArray());
	}

	/** How long this attempt must still wait; empty when it may try now. */
	public Optional<Duration> waitFor(Attempt attempt) {
		Standing standing = standing(attempt);
		return standing.mustWait() ? Optional.of(standing.remaining()) : Optional.empty();
	}

	public void failed(Attempt attempt) {
		Instant now = this.clock.instant();
		Instant forgetBefore = now.minus(this.settings.loginLock().multipliedBy(4));
		for (Count count : attempt.counts(this.settings.loginMaxFailures())) {
			try {
				this.transactions.executeWithoutResult(status -> count(count, now, forgetBefore));
			}
			catch (DuplicateKeyException concurrent) {
				// another node inserted the row first: now it is there to count on
				this.transactions.executeWithoutResult(status -> count(count, now, forgetBefore));
			}
		}
	}

	/** A success forgets the name's failures from this address and from anywhere. */
	public void succeeded(Attempt attempt) {
		List<String> keys = attempt.counts(this.settings.loginMaxFailures())
			.stream()
			.filter(count -> count.subject() != null)
			.map(Count::key)
			.toList();
		this.jdbc.update("delete from sign_in_failure where throttle_key in (?, ?)", keys.toArray());
	}

	/**
	 * The same, only when {@code standing} counted failures: a success with none (every
	 * REST call of a staff member who signs in right) costs no statement.
	 */
	public void succeeded(Attempt attempt, Standing standing) {
		if (standing.counted()) {
			succeeded(attempt);
		}
	}

	/**
	 * An administrator unlocked this name: its waits end, from every address (an
	 * address's own count stays).
	 */
	public void forget(Realm realm, String username) {
		this.jdbc.update("delete from sign_in_failure where subject_hash = ?", subject(realm, username));
	}

	/** Keeps the table to the failures that still count, on every node (idempotent). */
	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
	public void forgetOldFailures() {
		Instant now = this.clock.instant();
		this.jdbc.update(
				"delete from sign_in_failure where last_failed_at < ? and (blocked_until is null or blocked_until < ?)",
				Timestamp.from(now.minus(this.settings.loginLock().multipliedBy(4))), Timestamp.from(now));
	}

	private void count(Count count, Instant now, Instant forgetBefore) {
		// one statement per count: concurrent failures on two nodes add up, none is lost
		int updated = this.jdbc.update(
				"update sign_in_failure set failures = case when last_failed_at < ? then 1 "
						+ "else failures + 1 end, last_failed_at = ? where throttle_key = ?",
				Timestamp.from(forgetBefore), Timestamp.from(now), count.key());
		if (updated == 0) {
			this.jdbc.update(
					"insert into sign_in_failure (throttle_key, subject_hash, failures, last_failed_at) values (?, ?, 1, ?)",
					count.key(), count.subject(), Timestamp.from(now));
		}
		Integer failures = this.jdbc.queryForObject("select failures from sign_in_failure where throttle_key = ?",
				Integer.class, count.key());
		if (failures != null && failures >= count.limit()) {
			this.jdbc.update("update sign_in_failure set blocked_until = ? where throttle_key = ?",
					Timestamp.from(now.plus(delay(failures - count.limit()))), count.key());
		}
	}

	/** The wait after {@code over} failures past the limit: doubled each time, capped. */
	Duration delay(int over) {
		Duration delay = this.settings.loginDelay();
		for (int i = 0; i < over && delay.compareTo(this.settings.loginLock()) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return (delay.compareTo(this.settings.loginLock()) > 0) ? this.settings.loginLock() : delay;
	}

}
