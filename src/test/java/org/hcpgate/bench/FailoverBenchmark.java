package org.hcpgate.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
final class FailoverBenchmark {

	Failover run(boolean quick) throws Exception {
		List<String> env = List.of("HCP_GATE_HA_DIR=" + Benchmarks.RESULTS.toAbsolutePath().resolve("pg-ha"),
				"HCP_GATE_HA_PORT=6300");
		script(env, "stop");
		ExecutorService pool = Executors.newFixedThreadPool(4);
		NodeProcesses nodes = null;
		try {
			String url = script(env, "start").lines()
				.filter(line -> line.startsWith("HCP_GATE_DB_URL="))
				.findFirst()
				.orElseThrow()
				.substring("HCP_GATE_DB_URL=".length());
			NodeProcesses started = new NodeProcesses(PostgresDatabase.of(url, "postgres", ""), List.of("-Xmx1g"));
			nodes = started;
			started.start("failover-node");
			started.awaitHealthy("failover-node");
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
			Thread.sleep(quick ? 15_000 : 40_000);
			int decisionsBefore = reviewer.completed.size();
			script(env, "kill-primary");
			long killed = System.nanoTime();
			Long firstDecisionAfter = null;
			long deadline = killed + TimeUnit.SECONDS.toNanos(quick ? 60 : 90);
			while (System.nanoTime() < deadline) {
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
					script(env, "state"));
		}
		finally {
			pool.shutdownNow();
			if (nodes != null) {
				nodes.stopAll();
			}
			script(env, "stop");
		}
	}

	private static String script(List<String> env, String command) throws Exception {
		ProcessBuilder builder = new ProcessBuilder("bash", "ops/pg-ha.sh", command).redirectErrorStream(true);
		for (String variable : env) {
			String[] pair = variable.split("=", 2);
			builder.environment().put(pair[0], pair[1]);
		}
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
			throw new IllegalStateException("ops/pg-ha.sh " + command + " failed:\n" + output);
		}
		return output;
	}

	record Failover(int pageViews, int failedPageViews, long pageFailureMillis, long slowestPageViewMillis,
			int journeys, int failedJourneys, long firstDecisionAfterKillMillis, int decisionsAcknowledged,
			long decisionsKept, String state) {
	}

}
