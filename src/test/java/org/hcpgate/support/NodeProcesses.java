package org.hcpgate.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;

/**
 * Real HCP Gate nodes for the multi-process tests: the packaged jar started with
 * {@code java -jar} on loopback ports, on one PostgreSQL (a fresh database of this test
 * JVM), with the keys every node shares, as an operator runs them. Bounded in time; what
 * is started is stopped by {@link #stopAll()} (or killed, as a crash, by {@link #kill}).
 */
public final class NodeProcesses {

	public static final Duration START = Duration.ofMinutes(4);

	public static final Path LOGS = Paths.get("target", "nodes");

	/** Each cluster its own empty database, and its own keys for it. */
	private final PostgresDatabase database;

	private final List<String> javaOptions;

	private final String[] keys;

	private final Map<String, Process> processes = new LinkedHashMap<>();

	private final Map<String, Integer> ports = new LinkedHashMap<>();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	public NodeProcesses() {
		this(PostgresDatabase.fresh(), List.of("-Xmx512m"));
	}

	/** Nodes on the given (empty) database, started with these JVM options. */
	public NodeProcesses(PostgresDatabase database, List<String> javaOptions) {
		this.database = database;
		this.javaOptions = List.copyOf(javaOptions);
		this.keys = keysets();
	}

	/** Starts a node (on a port of its own, kept across restarts); does not wait. */
	public void start(String name) throws IOException {
		Files.createDirectories(LOGS);
		int port = this.ports.computeIfAbsent(name, n -> freePort());
		String jar = System.getProperty("hcpgate.jar", "target/hcp-gate-0.1.0-SNAPSHOT.jar");
		List<String> command = new ArrayList<>();
		command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(this.javaOptions.stream().map(option -> option.replace("{node}", name)).toList());
		command.addAll(List.of("-jar", jar, "--server.port=" + port, "--spring.profiles.active=postgres,demo",
				"--spring.datasource.url=" + this.database.url(),
				"--spring.datasource.username=" + this.database.username(),
				"--spring.datasource.password=" + this.database.password(), "--hcp-gate.node-id=" + name,
				"--hcp-gate.site-url=http://localhost:" + port));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(LOGS.resolve(name + ".log").toFile()));
		builder.environment().put("HCP_GATE_CRYPTO_KEYSET", this.keys[0]);
		builder.environment().put("HCP_GATE_CRYPTO_HASH_KEYSET", this.keys[1]);
		this.processes.put(name, builder.start());
	}

	/** Waits until the node answers its health check. */
	public void awaitHealthy(String name) throws Exception {
		Instant deadline = Instant.now().plus(START);
		while (Instant.now().isBefore(deadline)) {
			assertThat(this.processes.get(name).isAlive()).as(name + " is running (see " + LOGS + ")").isTrue();
			try {
				HttpResponse<String> health = this.http.send(
						HttpRequest.newBuilder(URI.create(url(name) + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("UP")) {
					return;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			Thread.sleep(500);
		}
		throw new AssertionError(name + " did not come up within " + START);
	}

	/** SIGTERM, as an operator stops a node; waits until it has stopped. */
	public void stop(String name) throws InterruptedException {
		Process process = this.processes.get(name);
		process.destroy();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(name + " stopped within 60 s").isTrue();
	}

	/** {@code kill -9}: no shutdown, no lock given back. */
	public void kill(String name) throws InterruptedException {
		Process process = this.processes.get(name);
		process.destroyForcibly();
		process.waitFor(30, TimeUnit.SECONDS);
	}

	/** The CPU time the node's process has used so far (user and system). */
	public Duration cpu(String name) {
		return this.processes.get(name).info().totalCpuDuration().orElseThrow();
	}

	public long pid(String name) {
		return this.processes.get(name).pid();
	}

	public PostgresDatabase database() {
		return this.database;
	}

	public boolean isAlive(String name) {
		return this.processes.get(name).isAlive();
	}

	public String url(String name) {
		return "http://localhost:" + this.ports.get(name);
	}

	/** SIGTERM to every node, then SIGKILL to any that did not stop within 30 s. */
	public void stopAll() throws InterruptedException {
		for (Process process : this.processes.values()) {
			process.destroy();
		}
		for (Process process : this.processes.values()) {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
	}

	/** The id of a staff task once it exists, asked over REST as the demo reviewer. */
	public String awaitStaffTask(String name, String taskKey, String businessKey, Duration within) throws Exception {
		Instant deadline = Instant.now().plus(within);
		Pattern id = Pattern.compile("\"id\":\"([^\"]+)\"");
		while (Instant.now().isBefore(deadline)) {
			HttpResponse<String> tasks = this.http.send(staff(url(name) + "/engine-rest/task?taskDefinitionKey="
					+ taskKey + "&processInstanceBusinessKey=" + businessKey + "&maxResults=1")
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
			Matcher found = id.matcher(tasks.body());
			if (tasks.statusCode() == 200 && found.find()) {
				return found.group(1);
			}
			Thread.sleep(250);
		}
		throw new AssertionError("no task " + taskKey + " for " + businessKey + " within " + within);
	}

	/**
	 * Completes a staff task over REST on this node, as the demo reviewer: the status.
	 */
	public int completeAsStaff(String name, String taskId, String body) throws Exception {
		return this.http
			.send(staff(url(name) + "/engine-rest/task/" + taskId + "/complete")
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString())
			.statusCode();
	}

	private static HttpRequest.Builder staff(String url) {
		String basic = Base64.getEncoder()
			.encodeToString("demo-reviewer:demo-reviewer".getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic " + basic);
	}

	public long count(String sql) throws SQLException {
		String value = single(sql);
		return (value == null) ? 0 : Long.parseLong(value);
	}

	public String single(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.database.url(), this.database.username(),
				this.database.password());
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			return result.next() ? result.getString(1) : null;
		}
	}

	/** A statement without a result (an insert, an analyze); the rows it changed. */
	public long execute(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.database.url(), this.database.username(),
				this.database.password()); Statement statement = connection.createStatement()) {
			return statement.executeLargeUpdate(sql);
		}
	}

	public List<String> column(String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(this.database.url(), this.database.username(),
				this.database.password());
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			while (result.next()) {
				values.add(result.getString(1));
			}
		}
		return values;
	}

	/** Keys for every node, as an operator gives them (the same on every node). */
	private static String[] keysets() {
		try {
			AeadConfig.register();
			MacConfig.register();
			return new String[] { TinkJsonProtoKeysetFormat.serializeKeyset(
					KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get()),
					TinkJsonProtoKeysetFormat.serializeKeyset(
							KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG),
							InsecureSecretKeyAccess.get()) };
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
