package org.hcpgate.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.hcpgate.support.NodeProcesses;

/**
 * Verifications per second through the site and the engine, on N nodes of one database:
 * readers driven by a pool of workers through the whole journey, reviews in Tasklist's
 * REST API. Measures what each verification costs: the nodes' CPU time, the database's
 * transactions and statements (net of what idle nodes do anyway), and where the time goes
 * (a JFR profile of the first node).
 */
final class FlowBenchmark {

	/**
	 * Counters of other backends reach pg_stat_database at the latest 10 s after they
	 * went idle.
	 */
	static final Duration STATS_FLUSH = Duration.ofSeconds(11);

	private final BenchPostgres server;

	private final BenchNodes source;

	private final Path results;

	private final Benchmarks.Scale scale;

	FlowBenchmark(BenchPostgres server, BenchNodes source, Path results, Benchmarks.Scale scale) {
		this.server = server;
		this.source = source;
		this.results = results;
		this.scale = scale;
	}

	Flow run(String name, int nodeCount, int workers, int verifications, boolean profile) throws Exception {
		List<String> wanted = new ArrayList<>();
		for (int i = 1; i <= nodeCount; i++) {
			wanted.add(name + "-node-" + i);
		}
		try (BenchNodes.Lease lease = this.source.lease(name, wanted, List.of())) {
			NodeProcesses nodes = lease.nodes();
			List<String> names = lease.names();
			String database = lease.database();
			List<TasklistReviewer> reviewers = new ArrayList<>();
			for (String node : names) {
				reviewers.add(new TasklistReviewer(nodes.url(node)).signIn());
			}
			// warm-up: every node serves a few journeys before anything is counted (a
			// smoke run compares nothing: it goes through the journeys only once)
			if (!this.scale.shortcuts()) {
				drive(nodes, names, reviewers, workers, 2 * workers, Duration.ofMillis(250), new Samples(),
						new Samples());
			}

			Thread.sleep(this.scale.statsFlush().toMillis());
			BenchPostgres.Counts idleStart = this.server.counts(database);
			long idleFrom = System.nanoTime();
			Thread.sleep(this.scale.statsFlush().toMillis());
			BenchPostgres.Counts before = this.server.counts(database);
			java.util.Map<String, Long> callsBefore = this.server.statementCalls(database);
			double idleSeconds = (System.nanoTime() - idleFrom) / 1e9;
			BenchPostgres.Counts idle = before.minus(idleStart);

			Profile recording = profile ? Profile.start(nodes.pid(names.get(0)), this.results.resolve(name + ".jfr"))
					: null;
			Duration cpuBefore = cpu(nodes, names);
			Samples own = new Samples();
			Samples decisions = new Samples();
			NodeMemory memory = NodeMemory.watch(nodes.pid(names.get(0)));
			long pollsBefore = BenchReader.STATUS_POLLS.get();
			long searchesBefore = TasklistReviewer.SEARCHES.get();
			long start = System.nanoTime();
			drive(nodes, names, reviewers, workers, verifications, Duration.ofMillis(250), own, decisions);
			double seconds = (System.nanoTime() - start) / 1e9;
			NodeMemory.Peaks peaks = memory.peaks();
			double polls = (double) (BenchReader.STATUS_POLLS.get() - pollsBefore) / verifications;
			double searches = (double) (TasklistReviewer.SEARCHES.get() - searchesBefore) / verifications;
			Duration cpu = cpu(nodes, names).minus(cpuBefore);
			String hotSpots = (recording != null) ? recording.stop() : null;
			long countedFrom = System.nanoTime();
			Thread.sleep(this.scale.statsFlush().toMillis());
			BenchPostgres.Counts counted = this.server.counts(database).minus(before);
			String statements = topStatements(callsBefore, this.server.statementCalls(database), verifications);
			double window = (System.nanoTime() - countedFrom) / 1e9 + seconds;
			double idleTransactions = idle.transactions() / idleSeconds * window;
			double idleStatements = idle.statements() / idleSeconds * window;
			return new Flow(nodeCount, workers, verifications, seconds, verifications / seconds,
					cpu.toMillis() / 1000.0 / verifications,
					// less the one query per journey with which this driver finds the
					// reader's id
					(counted.transactions() - idleTransactions) / verifications - 1,
					(counted.statements() - idleStatements) / verifications - 1, idle.transactions() / idleSeconds, own,
					decisions, hotSpots, statements, peaks, polls, searches);
		}
	}

	private static void drive(NodeProcesses nodes, List<String> names, List<TasklistReviewer> reviewers, int workers,
			int verifications, Duration poll, Samples own, Samples decisions) throws Exception {
		Workers.run(workers, verifications, i -> {
			int node = i % names.size();
			new BenchReader(nodes.url(names.get(node)), poll, own, decisions).verify(reviewers.get(node), nodes);
		});
	}

	/**
	 * The statements run most often in the measured phase, per verification (Markdown).
	 */
	private static String topStatements(java.util.Map<String, Long> before, java.util.Map<String, Long> after,
			int verifications) {
		StringBuilder table = new StringBuilder(
				"| statement (pg_stat_statements, shortened) | per verification |\n|---|---:|\n");
		after.entrySet()
			.stream()
			.map(entry -> java.util.Map.entry(entry.getKey(),
					entry.getValue() - before.getOrDefault(entry.getKey(), 0L)))
			.filter(entry -> entry.getValue() > 0)
			.sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(15)
			.forEach(entry -> table.append("| `")
				.append(entry.getKey().replace("|", "\\|").replace("`", "'"))
				.append("` | ")
				.append(String.format("%.1f", (double) entry.getValue() / verifications))
				.append(" |\n"));
		return table.toString();
	}

	private static Duration cpu(NodeProcesses nodes, List<String> names) {
		Duration total = Duration.ZERO;
		for (String node : names) {
			total = total.plus(nodes.cpu(node));
		}
		return total;
	}

	record Flow(int nodes, int workers, int verifications, double seconds, double perSecond,
			double cpuSecondsPerVerification, double transactionsPerVerification, double statementsPerVerification,
			double idleTransactionsPerSecond, Samples ownSteps, Samples afterDecisions, String hotSpots,
			String topStatements, NodeMemory.Peaks memory, double statusPollsPerVerification,
			double taskSearchesPerVerification) {
	}

}
