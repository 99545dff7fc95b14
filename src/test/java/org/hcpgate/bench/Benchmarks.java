package org.hcpgate.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HCP Gate's benchmark suite: {@code ./mvnw -B -Pbench verify} (see docs/benchmarks.md).
 * Everything is measured side by side in one run on this machine, on a PostgreSQL of the
 * suite's own, and reported as ratios against the baselines of the same run; absolute
 * figures are context only. Writes docs/benchmarks.md and its plot; raw files go to
 * target/bench. {@code -Dbench.quick=true} runs every part small, to try the suite out;
 * {@code -Dbench.smoke=true} runs every part tiny, in a few minutes, and writes its page
 * to target/bench/docs only (CI runs it so that the suite cannot rot).
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
		try (BenchPostgres server = BenchPostgres.start(RESULTS)) {
			if (parts.contains("flow")) {
				report.pgbench(server.pgbench(4, scale.pgbenchSeconds()));
				report.bare(new BareEngineBenchmark(server).run(4, scale.bareInstances()));
				FlowBenchmark flow = new FlowBenchmark(server, RESULTS);
				report.flow(flow.run("flow_one_node", 1, 4, scale.verifications(), true));
				report.flow(flow.run("flow_two_nodes", 2, 8, scale.verifications(), false));
				report.waits(flow.run("flow_wait", 1, 1, scale.waits(), false));
				write(report, scale);
			}
			if (parts.contains("gate")) {
				report.gate(new GateBenchmark(server).run(scale));
				write(report, scale);
			}
			if (parts.contains("queue")) {
				report.queue(new QueueBenchmark(server).run(scale.queueSizes()));
				write(report, scale);
			}
			if (parts.contains("growth")) {
				report.growth(new GrowthBenchmark(server).run(scale));
				write(report, scale);
			}
		}
		if (parts.contains("failover")) {
			report.failover(new FailoverBenchmark().run(scale != Scale.FULL));
			write(report, scale);
		}
		System.out.println(report.markdown(LocalDate.now()));
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
	 */
	record Scale(String name, int pgbenchSeconds, int bareInstances, int verifications, int waits,
			int gateWarmUpSeconds, int gateRoundSeconds, int granted, int rampMost, int rampStepSeconds,
			List<Integer> queueSizes, int history, int growthVerifications) {

		static final Scale FULL = new Scale("full", 20, 2000, 60, 20, 45, 10, 1_000_000, 2048, 8,
				List.of(1_000, 10_000, 100_000), Integer.getInteger("bench.history", 100_000), 20);

		static final Scale QUICK = new Scale("quick", 5, 200, 8, 3, 15, 3, 10_000, 64, 2, List.of(100, 1_000), 10_000,
				4);

		static final Scale SMOKE = new Scale("smoke", 2, 50, 2, 1, 1, 1, 100, 4, 1, List.of(10, 50), 100, 2);

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
