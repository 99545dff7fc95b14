package org.hcpgate.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;

import org.hcpgate.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 12: a node gives back the job locks it holds (when it stops, and when it starts
 * again after a crash), instead of leaving the jobs to wait for the lock to expire; other
 * nodes' locks are not touched.
 */
class ClusterJobsPostgresTest extends PostgresIntegrationTest {

	@Autowired
	ClusterJobs.NodeJobLocks nodeJobLocks;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aNodeGivesBackItsOwnJobLocksAndNoOneElses() {
		String job = this.jdbc.queryForObject(
				"select ID_ from ACT_RU_JOB where LOCK_OWNER_ is null order by ID_ fetch first 1 rows only",
				String.class);
		Timestamp later = Timestamp.from(Instant.now().plusSeconds(600));
		try {
			// as the job executor of this node would lock it (a crash leaves it so)
			this.jdbc.update("update ACT_RU_JOB set LOCK_OWNER_ = ?, LOCK_EXP_TIME_ = ? where ID_ = ?",
					this.nodeJobLocks.nodeId(), later, job);
			assertThat(this.nodeJobLocks.release("in the test")).isOne();
			assertThat(this.jdbc.queryForObject("select LOCK_OWNER_ from ACT_RU_JOB where ID_ = ?", String.class, job))
				.isNull();
			// another node's lock stays
			this.jdbc.update("update ACT_RU_JOB set LOCK_OWNER_ = ?, LOCK_EXP_TIME_ = ? where ID_ = ?",
					"other-node:8081", later, job);
			assertThat(this.nodeJobLocks.release("in the test")).isZero();
			assertThat(this.jdbc.queryForObject("select LOCK_OWNER_ from ACT_RU_JOB where ID_ = ?", String.class, job))
				.isEqualTo("other-node:8081");
		}
		finally {
			this.jdbc.update("update ACT_RU_JOB set LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null where ID_ = ?", job);
		}
	}

	@Test
	void eachNodeHasItsOwnName() {
		assertThat(ClusterJobs.defaultNodeId(8081)).endsWith(":8081");
		assertThat(ClusterJobs.defaultNodeId(0)).isNotEqualTo(ClusterJobs.defaultNodeId(0));
	}

}
