package org.hcpgate.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.hcpgate.support.NodeProcesses;
import org.hcpgate.support.PostgresDatabase;

/**
 * The failover scenario of issue 12: PostgreSQL made highly available by ops/pg-ha.sh
 * (pg_auto_failover: a primary, a synchronous standby, a monitor), one HCP Gate node on
 * its multi-host URL; readers go through their journeys and page views go on while the
 * primary is killed ({@code kill -9}). Reports the failed page views and journeys, how
 * long page views and decisions failed, and whether every decision the engine
 * acknowledged is there.
 */
final class FailoverBenchmark implements AutoCloseable {

	private final List<String> env = List.of("HCP_GATE_HA_DIR=" + Benchmarks.RESULTS.toAbsolutePath().resolve("pg-ha"),
			"HCP_GATE_HA_PORT=6300");

	private volatile NodeProcesses nodes;

	/**
	 * Starts the highly available PostgreSQL and the node on it, and waits until both are
	 * up: the cluster with its synchronous standby, the node healthy. A smoke run does
	 * this in the background while the other parts run, and starts the node as soon as
	 * the first data node serves alone ({@code early}).
	 */
	FailoverBenchmark start(List<String> javaOptions, boolean early) throws Exception {
		script(this.env, "stop");
		if (!early) {
			String url = script(this.env, "start").lines()
				.filter(line -> line.startsWith("HCP_GATE_DB_URL="))
				.findFirst()
				.orElseThrow()
				.substring("HCP_GATE_DB_URL=".length());
			startNode(url, javaOptions);
			return this;
		}
		// the script's start then waits a minute before the standby joins (it waits for a
		// "primary" while a lone node is "single"): the node starts on the lone node in
		// that time, and the standby is a copy of a database the node has already set up
		Path log = Benchmarks.RESULTS.toAbsolutePath().resolve("pg-ha-start.log");
		Process cluster = command(this.env, "start").redirectOutput(log.toFile()).start();
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
		while (!script(this.env, "state", false).matches("(?s).*\\| *single *\\| *single\\b.*")) {
			if (!cluster.isAlive() || System.nanoTime() > deadline) {
				throw new IllegalStateException("no lone primary (see " + log + ")");
			}
			Thread.sleep(500);
		}
		startNode(script(this.env, "url").strip(), javaOptions);
		// the standby's base backup begins with a spread checkpoint, which writes what
		// the node's start left dirty at checkpoint pace (close to a minute): written
		// now, at full speed, it leaves that checkpoint next to nothing to write
		this.nodes.execute("checkpoint");
		if (!cluster.waitFor(5, TimeUnit.MINUTES) || cluster.exitValue() != 0) {
			throw new IllegalStateException("ops/pg-ha.sh start failed (see " + log + ")");
		}
		return this;
	}

	private void startNode(String url, List<String> javaOptions) throws Exception {
		NodeProcesses started = new NodeProcesses(PostgresDatabase.of(url, "postgres", ""), javaOptions);
		this.nodes = started;
		started.start("failover-node");
		started.awaitHealthy("failover-node");
	}

	/**
	 * The failover on the started node: load for 40 s (15 s in a quick run), the kill,
	 * load for 90 s (60 s) after it. A smoke run kills the primary as soon as one
	 * decision went through, and stops as soon as one went through again after the kill.
	 */
	Failover run(Benchmarks.Scale scale) throws Exception {
		boolean quick = scale != Benchmarks.Scale.FULL;
		ExecutorService pool = Executors.newFixedThreadPool(4);
		NodeProcesses started = this.nodes;
		try {
			String node = started.url("failover-node");
			TasklistReviewer reviewer = new TasklistReviewer(node).signIn();
			AtomicBoolean running = new AtomicBoolean(true);
			AtomicInteger journeys = new AtomicInteger();
			AtomicInteger failedJourneys = new AtomicInteger();
			AtomicLong firstFailure = new AtomicLong();
			AtomicLong lastFailure = new AtomicLong();
			AtomicInteger pageViews = new AtomicInteger();
			AtomicInteger failedPageViews = new AtomicInteger();
			AtomicLong slowestPageView = new AtomicLong();
			List<Future<?>> workers = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				workers.add(pool.submit(() -> {
					while (running.get()) {
						try {
							new BenchReader(node, Duration.ofMillis(250), new Samples(), new Samples()).verify(reviewer,
									started);
							journeys.incrementAndGet();
						}
						catch (Exception | AssertionError failed) {
							failedJourneys.incrementAndGet();
						}
					}
					return null;
				}));
			}
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
			workers.add(pool.submit(() -> {
				while (running.get()) {
					boolean ok;
					long sent = System.nanoTime();
					try {
						ok = http
							.send(HttpRequest.newBuilder(URI.create(node + "/articles/1"))
								.timeout(Duration.ofSeconds(10))
								.build(), HttpResponse.BodyHandlers.discarding())
							.statusCode() == 200;
					}
					catch (Exception ex) {
						ok = false;
					}
					pageViews.incrementAndGet();
					slowestPageView.accumulateAndGet(System.nanoTime() - sent, Math::max);
					if (!ok) {
						failedPageViews.incrementAndGet();
						firstFailure.compareAndSet(0, System.nanoTime());
						lastFailure.set(System.nanoTime());
					}
					Thread.sleep(50);
				}
				return null;
			}));
			long loaded = System.nanoTime() + TimeUnit.SECONDS.toNanos(quick ? 15 : 40);
			while (System.nanoTime() < loaded && !(scale.shortcuts() && !reviewer.completed.isEmpty())) {
				Thread.sleep(100);
			}
			int decisionsBefore = reviewer.completed.size();
			script(this.env, "kill-primary");
			long killed = System.nanoTime();
			Long firstDecisionAfter = null;
			long deadline = killed + TimeUnit.SECONDS.toNanos(quick ? 60 : 90);
			while (System.nanoTime() < deadline && !(scale.shortcuts() && firstDecisionAfter != null)) {
				if (firstDecisionAfter == null && reviewer.completed.size() > decisionsBefore + 1) {
					firstDecisionAfter = System.nanoTime() - killed;
				}
				Thread.sleep(100);
			}
			running.set(false);
			for (Future<?> worker : workers) {
				worker.get(3, TimeUnit.MINUTES);
			}
			String tasks = String.join(",", reviewer.completed.stream().map(id -> "'" + id + "'").toList());
			long kept = reviewer.completed.isEmpty() ? 0 : started
				.count("select count(*) from act_hi_taskinst where end_time_ is not null and id_ in (" + tasks + ")");
			long pageFailureWindow = (firstFailure.get() == 0) ? 0 : lastFailure.get() - firstFailure.get();
			return new Failover(pageViews.get(), failedPageViews.get(), pageFailureWindow / 1_000_000,
					slowestPageView.get() / 1_000_000, journeys.get(), failedJourneys.get(),
					(firstDecisionAfter == null) ? -1 : firstDecisionAfter / 1_000_000, reviewer.completed.size(), kept,
					script(this.env, "state"));
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** Stops the node and the highly available PostgreSQL, and deletes its data. */
	@Override
	public void close() throws Exception {
		if (this.nodes != null) {
			this.nodes.stopAll();
		}
		script(this.env, "stop");
	}

	private static String script(List<String> env, String command) throws Exception {
		return script(env, command, true);
	}

	/** What the script printed; if it failed, an exception or (not {@code strict}) "". */
	private static String script(List<String> env, String command, boolean strict) throws Exception {
		Process process = command(env, command).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
			if (!strict) {
				return "";
			}
			throw new IllegalStateException("ops/pg-ha.sh " + command + " failed:\n" + output);
		}
		return output;
	}

	private static ProcessBuilder command(List<String> env, String command) {
		ProcessBuilder builder = new ProcessBuilder("bash", "ops/pg-ha.sh", command).redirectErrorStream(true);
		for (String variable : env) {
			String[] pair = variable.split("=", 2);
			builder.environment().put(pair[0], pair[1]);
		}
		return builder;
	}

	record Failover(int pageViews, int failedPageViews, long pageFailureMillis, long slowestPageViewMillis,
			int journeys, int failedJourneys, long firstDecisionAfterKillMillis, int decisionsAcknowledged,
			long decisionsKept, String state) {
	}

}
