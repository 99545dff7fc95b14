package org.hcpgate.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.hcpgate.support.PostgresDatabase;

/**
 * A PostgreSQL server of the benchmarks' own, from the machine's binaries (initdb,
 * pg_ctl, pgbench): nothing else runs on it, and it counts every statement
 * (pg_stat_statements), which a shared server need not. Stopped and deleted by
 * {@link #close()}.
 */
final class BenchPostgres implements AutoCloseable {

	private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

	private final Path data;

	private final int port;

	private BenchPostgres(Path data, int port) {
		this.data = data;
		this.port = port;
	}

	static BenchPostgres start(Path directory) throws Exception {
		Path data = directory.toAbsolutePath().resolve("pgdata");
		deleteTree(data);
		Files.createDirectories(data.getParent());
		int port = freePort();
		if (isRoot()) {
			Files.createDirectories(data);
			UserPrincipal postgres = data.getFileSystem()
				.getUserPrincipalLookupService()
				.lookupPrincipalByName("postgres");
			Files.setOwner(data, postgres);
		}
		run(List.of(bin("initdb"), "-D", data.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"));
		// settings of a small production server: fsync stays on (commits cost what they
		// cost)
		String options = "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + data
				+ " -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all -c pg_stat_statements.max=20000"
				+ " -c max_connections=200 -c shared_buffers=512MB";
		run(List.of(bin("pg_ctl"), "-D", data.toString(), "-o", options, "-l", data.resolve("server.log").toString(),
				"-w", "start"));
		BenchPostgres server = new BenchPostgres(data, port);
		server.execute("postgres", "create extension pg_stat_statements");
		return server;
	}

	PostgresDatabase createDatabase(String name) throws SQLException {
		execute("postgres", "create database " + name);
		return PostgresDatabase.of(url(name), "postgres", "");
	}

	String url(String database) {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + database;
	}

	/** Transactions and statements the server counted for one database so far. */
	Counts counts(String database) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url("postgres"), "postgres", "");
				Statement statement = connection.createStatement()) {
			// the counters of other backends are flushed to shared memory about once a
			// second
			// while they work, at the latest 10 s after they went idle
			long transactions;
			try (ResultSet result = statement.executeQuery(
					"select xact_commit + xact_rollback from pg_stat_database where datname = '" + database + "'")) {
				result.next();
				transactions = result.getLong(1);
			}
			try (ResultSet result = statement.executeQuery("select coalesce(sum(calls), 0) from pg_stat_statements s "
					+ "join pg_database d on d.oid = s.dbid where d.datname = '" + database + "'")) {
				result.next();
				return new Counts(transactions, result.getLong(1));
			}
		}
	}

	/**
	 * How often each statement ran on one database so far (the statement's text,
	 * shortened).
	 */
	java.util.Map<String, Long> statementCalls(String database) throws SQLException {
		java.util.Map<String, Long> calls = new java.util.HashMap<>();
		try (Connection connection = DriverManager.getConnection(url("postgres"), "postgres", "");
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("select regexp_replace(s.query, '\\s+', ' ', 'g'), s.calls "
						+ "from pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname = '"
						+ database + "'")) {
			while (result.next()) {
				String text = result.getString(1).strip();
				calls.merge(text.substring(0, Math.min(text.length(), 110)), result.getLong(2), Long::sum);
			}
		}
		return calls;
	}

	/**
	 * pgbench's TPC-B-like transactions per second on a database of its own, of the given
	 * scale factor.
	 */
	double pgbench(int clients, int seconds, int scaleFactor) throws Exception {
		execute("postgres", "create database pgbench");
		run(List.of(bin("pgbench"), "-h", "127.0.0.1", "-p", String.valueOf(this.port), "-U", "postgres", "-i", "-s",
				String.valueOf(scaleFactor), "-q", "pgbench"));
		String output = run(List.of(bin("pgbench"), "-h", "127.0.0.1", "-p", String.valueOf(this.port), "-U",
				"postgres", "-c", String.valueOf(clients), "-j", "2", "-T", String.valueOf(seconds), "pgbench"));
		Matcher tps = TPS.matcher(output);
		if (!tps.find()) {
			throw new IllegalStateException("pgbench printed no tps:\n" + output);
		}
		execute("postgres", "drop database pgbench");
		return Double.parseDouble(tps.group(1));
	}

	void execute(String database, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url(database), "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	@Override
	public void close() throws Exception {
		run(List.of(bin("pg_ctl"), "-D", this.data.toString(), "-m", "immediate", "-w", "stop"));
		deleteTree(this.data);
	}

	record Counts(long transactions, long statements) {

		Counts minus(Counts earlier) {
			return new Counts(this.transactions - earlier.transactions, this.statements - earlier.statements);
		}

	}

	private static String run(List<String> command) throws IOException, InterruptedException {
		List<String> full = new ArrayList<>();
		if (isRoot()) {
			full.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		full.addAll(command);
		Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
		}
		return output;
	}

	private static String bin(String name) throws IOException, InterruptedException {
		Process config = new ProcessBuilder("pg_config", "--bindir").start();
		String dir = new String(config.getInputStream().readAllBytes()).trim();
		config.waitFor();
		return Path.of(dir, name).toString();
	}

	private static boolean isRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void deleteTree(Path root) throws IOException {
		if (Files.exists(root)) {
			try (Stream<Path> paths = Files.walk(root)) {
				for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
					Files.delete(path);
				}
			}
		}
	}

}
