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
 * target/bench. {@code -Dbench.quick=true} runs every part small, to try the suite out.
 */
public final class Benchmarks {

	static final Path RESULTS = Path.of("target", "bench");

	private Benchmarks() {
	}

	public static void main(String[] args) throws Exception {
		Locale.setDefault(Locale.ROOT);
		boolean quick = Boolean.getBoolean("bench.quick");
		String parts = System.getProperty("bench.parts", "flow,gate,queue,failover");
		Files.createDirectories(RESULTS);
		Report report = new Report(quick);
		try (BenchPostgres server = BenchPostgres.start(RESULTS)) {
			if (parts.contains("flow")) {
				report.pgbench(server.pgbench(4, quick ? 5 : 20));
				report.bare(new BareEngineBenchmark(server).run(4, quick ? 200 : 2000));
				FlowBenchmark flow = new FlowBenchmark(server, RESULTS);
				int verifications = quick ? 8 : 60;
				report.flow(flow.run("flow_one_node", 1, 4, verifications, true));
				report.flow(flow.run("flow_two_nodes", 2, 8, verifications, false));
				report.waits(flow.run("flow_wait", 1, 1, quick ? 3 : 20, false));
				write(report);
			}
			if (parts.contains("gate")) {
				report.gate(new GateBenchmark(server).run(quick));
				write(report);
			}
			if (parts.contains("queue")) {
				report.queue(
						new QueueBenchmark(server).run(quick ? List.of(100, 1_000) : List.of(1_000, 10_000, 100_000)));
				write(report);
			}
		}
		if (parts.contains("failover")) {
			report.failover(new FailoverBenchmark().run(quick));
			write(report);
		}
		System.out.println(report.markdown(LocalDate.now()));
	}

	/**
	 * The page and its plot as far as the run got (a part that fails leaves the others').
	 */
	private static void write(Report report) throws Exception {
		Path docs = Path.of("docs");
		Files.createDirectories(docs.resolve("benchmarks"));
		Files.writeString(docs.resolve("benchmarks").resolve("ratios.svg"), report.plot());
		Files.writeString(docs.resolve("benchmarks.md"), report.markdown(LocalDate.now()));
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
