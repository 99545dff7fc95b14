package org.hcpgate.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.hcpgate.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Two requests of one session that both set an attribute the session did not have when
 * they read it (Tasklist's overlapping requests did, at every staff request): both are
 * saved, the later one wins. Before, the second save failed on the attribute's key and
 * the request answered 500 (found by the benchmark suite's reviewers).
 */
class SessionStorePostgresTest extends PostgresIntegrationTest {

	@Autowired
	JdbcIndexedSessionRepository sessions;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void overlappingRequestsOfOneSessionBothSaveANewAttribute() {
		assertThat(SessionStoreChecks.lastWriteWins(this.sessions)).isEqualTo("second");
	}

	/**
	 * A request within a minute of the stored last access writes nothing; a later one
	 * moves it, so a session in use does not expire; an attribute is saved whenever it
	 * changes.
	 */
	@Test
	void theLastAccessIsWrittenOnceAMinuteAndAttributesAlways() {
		lastAccessOnceAMinute(this.sessions);
	}

	/** Typed by the store's own session class, which is private to it. */
	private <S extends Session> void lastAccessOnceAMinute(SessionRepository<S> sessions) {
		S session = sessions.createSession();
		sessions.save(session);
		String id = session.getId();
		long stored = storedLastAccess(id);

		S soon = sessions.findById(id);
		soon.setLastAccessedTime(Instant.ofEpochMilli(stored).plusSeconds(30));
		soon.setAttribute("seen", "soon");
		sessions.save(soon);
		assertThat(storedLastAccess(id)).as("30 s later").isEqualTo(stored);
		assertThat((String) sessions.findById(id).getAttribute("seen")).isEqualTo("soon");

		S later = sessions.findById(id);
		later.setLastAccessedTime(Instant.ofEpochMilli(stored).plusSeconds(61));
		sessions.save(later);
		assertThat(storedLastAccess(id)).as("61 s later").isEqualTo(stored + 61_000);
		sessions.deleteById(id);
	}

	private long storedLastAccess(String sessionId) {
		return this.jdbc.queryForObject("select last_access_time from spring_session where session_id = ?", Long.class,
				sessionId);
	}

}
