package org.hcpgate.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * HCP Gate's benchmark suite: {@code ./mvnw -B -Pbench verify} (see docs/benchmarks.md).
 * Everything is measured side by side in one run on this machine, on a PostgreSQL of the
 * suite's own, and reported as ratios against the baselines of the same run; absolute
 * figures are context only. Writes docs/benchmarks.md and its plot; raw files go to
 * target/bench. {@code -Dbench.quick=true} runs every part small, to try the suite out;
 * {@code -Dbench.smoke=true} runs every part tiny, in about two minutes, and writes its
 * page to target/bench/docs only (CI runs it so that the suite cannot rot).
 */
public final class Benchmarks {

	static final Path RESULTS = Path.of("target", "bench");

	/**
	 * Where the generated part of docs/benchmarks.md ends and the written part begins.
	 */
	static final String ANALYSIS = "<!-- analysis: written by people, kept by the suite -->";

	private Benchmarks() {
	}

	public static void main(String[] args) throws Exception {
		Locale.setDefault(Locale.ROOT);
		System.setProperty("java.awt.headless", "true");
		Scale scale = Boolean.getBoolean("bench.smoke") ? Scale.SMOKE
				: Boolean.getBoolean("bench.quick") ? Scale.QUICK : Scale.FULL;
		String parts = System.getProperty("bench.parts", "flow,gate,queue,growth,failover");
		Files.createDirectories(RESULTS);
		Report report = new Report(scale);
		// a smoke run starts the failover's highly available PostgreSQL (a minute or
		// more, mostly waiting) and its node in the background, while the others run
		ExecutorService background = Executors.newSingleThreadExecutor();
		Future<FailoverBenchmark> failover = null;
		if (parts.contains("failover") && scale.shortcuts()) {
			failover = background.submit(() -> startFailover(scale));
		}
		try {
			try (BenchPostgres server = BenchPostgres.start(RESULTS);
					BenchNodes nodes = scale.shortcuts() ? BenchNodes.shared(server, parts.contains("flow") ? 2 : 1)
							: BenchNodes.own(server)) {
				if (parts.contains("flow")) {
					report.pgbench(server.pgbench(4, scale.pgbenchSeconds(), scale.pgbenchScale()));
					report.bare(new BareEngineBenchmark(server).run(4, scale.bareInstances(), scale.statsFlush()));
					time("pgbench and bare engine");
					FlowBenchmark flow = new FlowBenchmark(server, nodes, RESULTS, scale);
					report.flow(flow.run("flow_one_node", 1, 4, scale.verifications(), true));
					time("flow_one_node");
					report.flow(flow.run("flow_two_nodes", 2, 8, scale.verifications(), false));
					time("flow_two_nodes");
					report.waits(flow.run("flow_wait", 1, 1, scale.waits(), false));
					write(report, scale);
					time("flow_wait");
				}
				if (parts.contains("gate")) {
					report.gate(new GateBenchmark(server, nodes).run(scale));
					write(report, scale);
					time("gate");
				}
				if (parts.contains("queue")) {
					report.queue(new QueueBenchmark(nodes).run(scale.queueSizes()));
					write(report, scale);
					time("queue");
				}
				if (parts.contains("growth")) {
					report.growth(new GrowthBenchmark(nodes).run(scale));
					write(report, scale);
					time("growth");
				}
			}
			if (parts.contains("failover")) {
				FailoverBenchmark started = (failover != null) ? failover.get() : startFailover(scale);
				failover = null;
				try (started) {
					report.failover(started.run(scale));
				}
				write(report, scale);
				time("failover");
			}
		}
		finally {
			if (failover != null) {
				// a part before failed: what was started in the background is stopped
				try {
					failover.get().close();
				}
				catch (ExecutionException failed) {
					// the start stopped what it had started (ops/pg-ha.sh too)
				}
			}
			background.shutdown();
		}
		System.out.println(report.markdown(LocalDate.now()));
	}

	private static FailoverBenchmark startFailover(Scale scale) throws Exception {
		FailoverBenchmark failover = new FailoverBenchmark();
		try {
			return failover.start(scale.shortcuts() ? List.of("-Xmx1g", "-XX:TieredStopAtLevel=1") : List.of("-Xmx1g"),
					scale.shortcuts());
		}
		catch (Exception | AssertionError failed) {
			failover.close();
			throw failed;
		}
	}

	private static final long STARTED = System.nanoTime();

	/** When a part ended, seconds into the run: where a run's time goes. */
	private static void time(String part) {
		System.out.printf("bench: %s done at %.1f s%n", part, (System.nanoTime() - STARTED) / 1e9);
	}

	/**
	 * The page and its plot as far as the run got (a part that fails leaves the others').
	 */
	private static void write(Report report, Scale scale) throws Exception {
		Path docs = (scale == Scale.SMOKE) ? RESULTS.resolve("docs") : Path.of("docs");
		Files.createDirectories(docs.resolve("benchmarks"));
		Files.writeString(docs.resolve("benchmarks").resolve("ratios.svg"), report.plot());
		byte[] load = report.loadPlot();
		if (load != null) {
			Files.write(docs.resolve("benchmarks").resolve("load.png"), load);
		}
		Path page = docs.resolve("benchmarks.md");
		// what people wrote below the marker (what the figures say, what changed because
		// of them) stays when the figures above it are measured again
		String kept = Files.exists(page) ? Files.readString(page) : "";
		kept = kept.contains(ANALYSIS) ? kept.substring(kept.indexOf(ANALYSIS)) : "";
		Files.writeString(page, report.markdown(LocalDate.now()) + kept);
	}

	/**
	 * How big each part is: the full run (the figures in docs/benchmarks.md), a quick try
	 * of every part, and CI's smoke run.
	 *
	 * @param verifications verifications measured per flow run
	 * @param waits journeys of the reader's wait
	 * @param granted granted readers of the gate's large size
	 * @param rampMost most clients of the capacity ramp
	 * @param history completed verifications in history for the growth part
	 * ({@code -Dbench.history} in a full run: copying writes about 83 rows per
	 * verification)
	 * @param growthVerifications verifications measured per growth stage
	 * @param statsFlush how long to wait for the database's counters of other backends
	 * @param costRequests requests in a row of which the gate measures what one costs
	 * @param shortcuts whether the parts share nodes started once (and the failover's
	 * cluster is started in the background), skip their warm-ups, and stop the failover
	 * as soon as it has been gone through: a smoke run's
	 */
	record Scale(String name, int pgbenchSeconds, int pgbenchScale, int bareInstances, int verifications, int waits,
			Duration gateWarmUp, Duration gateRound, int granted, int rampMost, Duration rampStep,
			List<Integer> queueSizes, int history, int growthVerifications, Duration statsFlush, int costRequests,
			boolean shortcuts) {

		static final Scale FULL = new Scale("full", 20, 10, 2000, 60, 20, Duration.ofSeconds(45),
				Duration.ofSeconds(10), 1_000_000, 2048, Duration.ofSeconds(8), List.of(1_000, 10_000, 100_000),
				Integer.getInteger("bench.history", 100_000), 20, FlowBenchmark.STATS_FLUSH, 100, false);

		static final Scale QUICK = new Scale("quick", 5, 10, 200, 8, 3, Duration.ofSeconds(15), Duration.ofSeconds(3),
				10_000, 64, Duration.ofSeconds(2), List.of(100, 1_000), 10_000, 4, FlowBenchmark.STATS_FLUSH, 100,
				false);

		/**
		 * Every part gone through once, the figures meaningless: rounds of a fraction of
		 * a second, the database's counters hardly waited for, and {@link #shortcuts()}.
		 */
		static final Scale SMOKE = new Scale("smoke", 1, 1, 20, 2, 1, Duration.ofMillis(300), Duration.ofMillis(200),
				100, 4, Duration.ofMillis(200), List.of(10, 50), 100, 1, Duration.ofMillis(100), 5, true);

	}

	static List<String> machine() throws Exception {
		List<String> lines = new ArrayList<>();
		lines.add("CPU: " + Runtime.getRuntime().availableProcessors() + " cores, "
				+ Files.readAllLines(Path.of("/proc/cpuinfo"))
					.stream()
					.filter(line -> line.startsWith("model name"))
					.findFirst()
					.map(line -> line.substring(line.indexOf(':') + 1).trim())
					.orElse("unknown"));
		lines.add("Memory: " + Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " "));
		lines.add("Java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
		Process version = new ProcessBuilder("pg_config", "--version").start();
		lines.add("PostgreSQL: " + new String(version.getInputStream().readAllBytes()).trim()
				+ " (a server of the suite's own, fsync on, shared_buffers 512 MB)");
		return lines;
	}

}
