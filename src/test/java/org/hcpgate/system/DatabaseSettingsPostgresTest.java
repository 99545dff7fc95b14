package org.hcpgate.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.hcpgate.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The planner setting every connection of the pool starts with
 * (application-postgres.yml): without it the reviewers' queue query joins every task to
 * every grant (over 5 minutes at 100,000 open reviews in the benchmark suite).
 */
class DatabaseSettingsPostgresTest extends PostgresIntegrationTest {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void everyConnectionPricesIndexProbesForSolidStateStorage() {
		assertThat(this.jdbc.queryForObject("show random_page_cost", String.class)).isEqualTo("1.1");
	}

}
