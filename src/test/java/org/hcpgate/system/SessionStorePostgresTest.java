package org.hcpgate.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.hcpgate.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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

	@Test
	void overlappingRequestsOfOneSessionBothSaveANewAttribute() {
		assertThat(SessionStoreChecks.lastWriteWins(this.sessions)).isEqualTo("second");
	}

}
