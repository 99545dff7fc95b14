package org.hcpgate.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The real PostgreSQL the database tests run on, found in this order:
 * <ol>
 * <li>{@code HCP_GATE_TEST_DB_URL} (with {@code HCP_GATE_TEST_DB_USER} and
 * {@code HCP_GATE_TEST_DB_PASSWORD}): used as it is;</li>
 * <li>a PostgreSQL on 127.0.0.1:5432 that lets {@code postgres} in (CI and this project's
 * development machines): a fresh database is created for the run;</li>
 * <li>otherwise Docker, through Testcontainers.</li>
 * </ol>
 * Never H2: database behaviour is proven on PostgreSQL.
 */
public final class PostgresDatabase {

	private static final String LOCAL_SERVER = "jdbc:postgresql://127.0.0.1:5432/";

	private static final String DATABASE_PREFIX = "hcpgate_it_";

	private static PostgresDatabase instance;

	private static PostgresDatabase repositories;

	private final String url;

	private final String username;

	private final String password;

	private PostgresDatabase(String url, String username, String password) {
		this.url = url;
		this.username = username;
		this.password = password;
	}

	public static synchronized PostgresDatabase get() {
		if (instance == null) {
			instance = locate();
		}
		return instance;
	}

	/**
	 * Another empty database on the same server, for a test that needs its own (a cluster
	 * of node processes starting on an empty database).
	 */
	public static PostgresDatabase fresh() {
		PostgresDatabase server = get();
		String name = DATABASE_PREFIX + System.currentTimeMillis() + "_" + ProcessHandle.current().pid() + "_"
				+ Long.toHexString(Double.doubleToLongBits(Math.random())).substring(0, 6);
		try (Connection admin = DriverManager.getConnection(server.url, server.username, server.password);
				Statement statement = admin.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create a database beside " + server.url, ex);
		}
		String path = server.url.split("\\?", 2)[0];
		String base = path.substring(0, path.lastIndexOf('/') + 1);
		String query = server.url.contains("?") ? server.url.substring(server.url.indexOf('?')) : "";
		return new PostgresDatabase(base + name + query, server.username, server.password);
	}

	/**
	 * A database given by its address (one the caller created, on a server of its own).
	 */
	public static PostgresDatabase of(String url, String username, String password) {
		return new PostgresDatabase(url, username, password);
	}

	/** Points a Spring test context at this database. */
	public static void register(DynamicPropertyRegistry registry) {
		register(registry, get());
	}

	/**
	 * Points a repository slice at a database of its own, on the same server. A slice
	 * runs Flyway without the application's Java migration of Camunda's schema (version
	 * 28): on the application tests' database it would apply the later scripts first, and
	 * the application would then find 28 out of order.
	 */
	public static void registerForRepositories(DynamicPropertyRegistry registry) {
		register(registry, repositories());
	}

	private static synchronized PostgresDatabase repositories() {
		if (repositories == null) {
			repositories = fresh();
		}
		return repositories;
	}

	private static void register(DynamicPropertyRegistry registry, PostgresDatabase database) {
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::username);
		registry.add("spring.datasource.password", database::password);
	}

	public String url() {
		return this.url;
	}

	public String username() {
		return this.username;
	}

	public String password() {
		return this.password;
	}

	private static PostgresDatabase locate() {
		String configured = System.getenv("HCP_GATE_TEST_DB_URL");
		if (configured != null && !configured.isBlank()) {
			return new PostgresDatabase(configured, System.getenv().getOrDefault("HCP_GATE_TEST_DB_USER", "postgres"),
					System.getenv().getOrDefault("HCP_GATE_TEST_DB_PASSWORD", ""));
		}
		String database = DATABASE_PREFIX + System.currentTimeMillis() + "_" + ProcessHandle.current().pid();
		try (Connection admin = DriverManager.getConnection(LOCAL_SERVER + "test", "postgres", "");
				Statement statement = admin.createStatement()) {
			dropLeftovers(statement);
			statement.execute("create database " + database);
			return new PostgresDatabase(LOCAL_SERVER + database, "postgres", "");
		}
		catch (SQLException noLocalServer) {
			PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:15-alpine");
			container.start();
			return new PostgresDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword());
		}
	}

	/**
	 * Drops the databases of earlier runs (older than two hours, so that a run going on
	 * in parallel keeps its own). Dropping at the end of a run instead would race the
	 * application's own shutdown.
	 */
	private static void dropLeftovers(Statement statement) throws SQLException {
		long cutoff = System.currentTimeMillis() - Duration.ofHours(2).toMillis();
		List<String> leftovers = new ArrayList<>();
		try (ResultSet names = statement
			.executeQuery("select datname from pg_database where datname like '" + DATABASE_PREFIX + "%'")) {
			while (names.next()) {
				leftovers.add(names.getString(1));
			}
		}
		for (String name : leftovers) {
			String[] parts = name.substring(DATABASE_PREFIX.length()).split("_");
			if (parts[0].matches("\\d+") && Long.parseLong(parts[0]) < cutoff) {
				statement.execute("drop database if exists " + name + " with (force)");
			}
		}
	}

}
