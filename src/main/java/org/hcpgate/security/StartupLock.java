package org.hcpgate.security;

import java.sql.PreparedStatement;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a node sets up at start-up in the shared database (staff groups and grants, the
 * first administrator, the review filters, the demo data) is done by one node at a time:
 * on PostgreSQL under a session advisory lock, held on one connection while the work
 * runs, so that two nodes starting at the same moment create each thing once and neither
 * fails on the other's rows. Each step still looks before it creates, so the second node
 * finds the work done. On the embedded H2 there is one node: a lock in memory serves.
 */
@Component
public class StartupLock {

	/** The advisory lock's key: "hcpgate" read as a number. */
	static final long KEY = 0x6863706761746500L;

	private final JdbcTemplate jdbc;

	private final boolean postgres;

	StartupLock(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.postgres = Boolean.TRUE
			.equals(jdbc.execute((ConnectionCallback<Boolean>) connection -> connection.getMetaData()
				.getDatabaseProductName()
				.toLowerCase(java.util.Locale.ROOT)
				.contains("postgres")));
	}

	/** Runs the work while no other node runs start-up work. Not re-entrant. */
	public void exclusively(Runnable work) {
		if (!this.postgres) {
			synchronized (this) {
				work.run();
			}
			return;
		}
		this.jdbc.execute((ConnectionCallback<Void>) connection -> {
			try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_lock(?)")) {
				lock.setLong(1, KEY);
				lock.execute();
			}
			try {
				work.run();
			}
			finally {
				try (PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?)")) {
					unlock.setLong(1, KEY);
					unlock.execute();
				}
			}
			return null;
		});
	}

}
