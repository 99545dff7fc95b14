package org.hcpgate.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What one run of the suite measured, as docs/benchmarks.md and its plot. */
final class Report {

	private final Benchmarks.Scale scale;

	private final List<Plot.Bar> bars = new ArrayList<>();

	private final StringBuilder body = new StringBuilder();

	private final List<FlowBenchmark.Flow> flows = new ArrayList<>();

	private double pgbench;

	private BareEngineBenchmark.Bare bare;

	private List<GateBenchmark.Step> ramp = List.of();

	Report(Benchmarks.Scale scale) {
		this.scale = scale;
	}

	void pgbench(double tps) {
		this.pgbench = tps;
	}

	void bare(BareEngineBenchmark.Bare bare) {
		this.bare = bare;
	}

	void flow(FlowBenchmark.Flow flow) {
		this.flows.add(flow);
		if (this.flows.size() == 1) {
			this.body.append("## Flow throughput\n\n")
				.append("Whole journeys (register, sign in, agreement, informed consent, credentials with a photo, "
						+ "the review completed through Tasklist's REST API, questions, information review, "
						+ "您已通过, the article), driven through the site by a pool of workers; waiting pages "
						+ "followed through the status poll every 250 ms, and the reviewer looking for the reader's task "
						+ "every 100 ms (both are part of what is counted). Transactions and statements are the "
						+ "database's own counts (`pg_stat_database`, `pg_stat_statements`) for the nodes' "
						+ "database, less what idle nodes do in the same time and the driver's one lookup per "
						+ "journey; statements include those PostgreSQL runs inside others (`track = all`: the "
						+ "foreign-key checks, `SELECT 1 FROM ONLY ... FOR KEY SHARE`, are the most frequent); "
						+ "CPU is the nodes' processes' user and system time.\n\n")
				.append(String.format("Baselines in the same run: **pgbench** %.0f commits/s (TPC-B-like, 4 clients); "
						+ "**bare engine** (one user task: start, query, complete; full history; 4 threads) %.1f "
						+ "instances/s, %.2f transactions and %.1f statements per instance, %.4f CPU-seconds "
						+ "per instance (driver included).%n%n", this.pgbench, this.bare.perSecond(),
						this.bare.transactionsPerInstance(), this.bare.statementsPerInstance(),
						this.bare.cpuSecondsPerInstance()))
				.append("| nodes | workers | verifications | verifications/s | ÷ bare engine | CPU-s per verification "
						+ "| transactions per verification | statements per verification | idle transactions/s |\n")
				.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		}
		this.body.append(String.format("| %d | %d | %d | %.2f | %.3f | %.2f | %.0f | %.0f | %.1f |%n", flow.nodes(),
				flow.workers(), flow.verifications(), flow.perSecond(), flow.perSecond() / this.bare.perSecond(),
				flow.cpuSecondsPerVerification(), flow.transactionsPerVerification(), flow.statementsPerVerification(),
				flow.idleTransactionsPerSecond()));
		if (this.flows.size() == 1) {
			this.bars
				.add(new Plot.Bar("flow ÷ bare engine (target 0.5)", flow.perSecond() / this.bare.perSecond(), 0.5));
			this.bars
				.add(new Plot.Bar("0.25 CPU-s ÷ CPU-s per verification", 0.25 / flow.cpuSecondsPerVerification(), 1));
			this.bars
				.add(new Plot.Bar("40 ÷ transactions per verification", 40 / flow.transactionsPerVerification(), 1));
		}
		if (this.flows.size() == 2) {
			FlowBenchmark.Flow one = this.flows.get(0);
			double scale = flow.perSecond() / one.perSecond();
			this.bars.add(new Plot.Bar("two nodes ÷ one node (target 1.8)", scale, 1.8));
			this.body.append(String.format("%n**Scale-out:** two nodes did %.2f× the verifications per second of one "
					+ "node (target 1.8× where the database is not the bottleneck). Both nodes and the driver share "
					+ "this machine's %d cores, and the one-node run already used %.2f cores "
					+ "(CPU-seconds per verification × verifications per second), while the database did %.0f "
					+ "transactions/s (many of them short read-only ones) beside the %.0f pgbench commits/s it "
					+ "can do: %s.%n%n", scale, Runtime.getRuntime().availableProcessors(),
					one.cpuSecondsPerVerification() * one.perSecond(),
					one.transactionsPerVerification() * one.perSecond(), this.pgbench,
					(one.cpuSecondsPerVerification() * one.perSecond() > 0.7 * Runtime.getRuntime()
						.availableProcessors()) ? "the CPU that the nodes and the driver share is the limit"
								: "the nodes did not use the machine's CPU: the limit is elsewhere (see the profile)"));
			this.body.append(String.format("The driver's own polling is in these counts: per verification, %.1f "
					+ "status polls of the reader (one transaction each, see \"What one request costs\" below) and "
					+ "%.1f task searches of the reviewer in Tasklist's REST API.%n%n",
					one.statusPollsPerVerification(), one.taskSearchesPerVerification()));
			this.body.append(String.format(
					"Memory of the one node under this load (sampled every second; it runs "
							+ "with `-Xmx1g`): heap in use at most **%.0f MB**, resident size at most **%.0f MB**.%n%n",
					one.memory().heapMb(), one.memory().residentMb()));
			this.body.append("### Where a node's time goes (one node, measured phase)\n\n")
				.append(one.hotSpots())
				.append('\n');
			this.body.append("### The statements a verification runs most (one node)\n\n")
				.append(one.topStatements())
				.append('\n');
		}
	}

	void waits(FlowBenchmark.Flow flow) {
		this.body.append("## The reader's wait\n\n")
			.append("One reader at a time (nothing else running), the status poll every 250 ms as in the flow, "
					+ "so the figures include up to 250 ms of polling; the page's own script polls every 2 s.\n\n")
			.append("| wait | samples | p50 ms | p95 ms | target p95 |\n|---|---:|---:|---:|---:|\n")
			.append(String.format("| reviewer's completion → the reader's next step | %d | %.0f | %.0f | 1,000 ms |%n",
					flow.afterDecisions().count(), flow.afterDecisions().percentileMillis(50),
					flow.afterDecisions().percentileMillis(95)))
			.append(String.format("| reader's submit → the next step's page | %d | %.0f | %.0f | 300 ms |%n%n",
					flow.ownSteps().count(), flow.ownSteps().percentileMillis(50),
					flow.ownSteps().percentileMillis(95)));
		this.bars.add(new Plot.Bar("1 s ÷ p95 after a decision", 1000 / flow.afterDecisions().percentileMillis(95), 1));
		this.bars
			.add(new Plot.Bar("300 ms ÷ p95 after a reader's step", 300 / flow.ownSteps().percentileMillis(95), 1));
	}

	void gate(GateBenchmark.Gate gate) {
		this.body.append("## Gate overhead\n\n")
			.append("One node, 4 closed-loop clients on loopback (a Java driver); after 45 s of warm-up, four rounds of each page in turn, the order alternating.\n\n")
			.append("| granted readers | gated, let in: pages/s | p50 ms | p99 ms | ungated, same reader: pages/s | p50 ms "
					+ "| p99 ms | gated ÷ ungated | ungated, nobody signed in: pages/s |\n")
			.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (GateBenchmark.Sized size : gate.sizes()) {
			double ratio = size.gated().perSecond() / size.ungated().perSecond();
			this.body.append(String.format("| %,d | %.0f | %.1f | %.1f | %.0f | %.1f | %.1f | %.3f | %.0f |%n",
					size.granted(), size.gated().perSecond(), size.gated().latencies().percentileMillis(50),
					size.gated().latencies().percentileMillis(99), size.ungated().perSecond(),
					size.ungated().latencies().percentileMillis(50), size.ungated().latencies().percentileMillis(99),
					ratio, size.anonymous().perSecond()));
			this.bars
				.add(new Plot.Bar(String.format("gated ÷ ungated, %,d granted (0.95)", size.granted()), ratio, 0.95));
		}
		this.body.append("\nWhat one request costs the database (100 in a row, net of an idle node):\n\n")
			.append("| request | transactions | statements |\n|---|---:|---:|\n");
		for (Map.Entry<String, GateBenchmark.PageCost> cost : gate.costs().entrySet()) {
			this.body.append(String.format("| %s | %.1f | %.1f |%n", cost.getKey(), cost.getValue().transactions(),
					cost.getValue().statements()));
		}
		this.ramp = gate.ramp();
		this.body.append("\n### How many readers one node holds\n\n")
			.append(String.format("The gated page for a let-in reader, with %,d granted readers, under closed-loop "
					+ "clients that each ask for the next page as soon as the last one came (no pause: a client "
					+ "is a reader clicking as fast as pages come, so real readers, who pause to read, are many "
					+ "more per client), doubled until p99 passed 1 s:%n%n",
					gate.sizes().get(gate.sizes().size() - 1).granted()))
			.append("![throughput and latency against load](benchmarks/load.png)\n\n")
			.append("| clients at once | pages/s | p50 ms | p99 ms |\n|---:|---:|---:|---:|\n");
		int held = 0;
		for (GateBenchmark.Step step : gate.ramp()) {
			this.body.append(String.format("| %,d | %.0f | %.1f | %.1f |%n", step.clients(), step.perSecond(),
					step.p50(), step.p99()));
			if (step.p99() <= 1000) {
				held = step.clients();
			}
		}
		GateBenchmark.Step last = gate.ramp().get(gate.ramp().size() - 1);
		this.body.append(String.format("%nOne node held **%,d** clients at once with p99 within 1 s%s. Memory of the "
				+ "node during the ramp: heap in use at most **%.0f MB** (`-Xmx1g`), resident size at most **%.0f "
				+ "MB**.%n%n", held,
				(last.p99() > 1000) ? String.format("; at %,d p99 was %.0f ms", last.clients(), last.p99())
						: " (the most the ramp asked for)",
				gate.memory().heapMb(), gate.memory().residentMb()));
	}

	void queue(Map<Integer, Map<String, Double>> times) {
		List<Integer> sizes = new ArrayList<>(times.keySet());
		int small = sizes.get(0);
		int large = sizes.get(sizes.size() - 1);
		this.body.append("## Review queue\n\n")
			.append("As the demo reviewer, through Tasklist's session (so no password hash per request); median of 5 "
					+ "after one to warm up; a request that took longer than 2 minutes is shown as such (and "
					+ "stopped in the database).\n\n")
			.append("| query |");
		for (int size : sizes) {
			this.body.append(String.format(" %,d open, ms |", size));
		}
		this.body.append(String.format(" slowest ÷ %,d (target: %,d ≤ 1.5 × %,d) |%n|---|", small, large, small));
		sizes.forEach(size -> this.body.append("---:|"));
		this.body.append("---:|\n");
		for (String query : times.get(small).keySet()) {
			this.body.append("| ").append(query).append(" |");
			for (int size : sizes) {
				double time = times.get(size).get(query);
				this.body.append(Double.isInfinite(time) ? " > 120,000 |" : String.format(" %.1f |", time));
			}
			// the worst size against the smallest: a plan that changes with the size can
			// be
			// slowest in the middle
			double ratio = sizes.stream().mapToDouble(size -> times.get(size).get(query)).max().orElseThrow()
					/ times.get(small).get(query);
			this.body
				.append(Double.isInfinite(ratio) ? " > " + String.format("%,.0f", 120_000 / times.get(small).get(query))
						: String.format(" %.2f", ratio))
				.append(" |\n");
			this.bars
				.add(new Plot.Bar("1.5 ÷ queue ratio: " + query.replace("待审核", "open-reviews").replaceAll(" \\(.*", ""),
						Double.isInfinite(ratio) ? 0 : 1.5 / ratio, 1));
		}
		this.body.append('\n');
	}

	void growth(GrowthBenchmark.Growth growth) {
		GrowthBenchmark.Stage fresh = growth.stages().get(0);
		this.body.append("## Growth\n\n")
			.append(String.format("One node: the flow (4 workers) and a let-in reader's gated page (4 clients), first "
					+ "with only the run's own history, then after the history grew to %,d completed verifications "
					+ "(every history row of the run's verifications copied under new ids, with their byte arrays "
					+ "and the read model's rows: %,d rows in %.0f s; the database is then %s), then while Camunda's "
					+ "history clean-up, started by an administrator over REST, removed the copies (due since "
					+ "yesterday; Camunda's defaults: batches of 500, one job). The clean-up removed %,d completed "
					+ "verifications during that stage.%n%n", growth.stages().get(1).history(), growth.rowsCopied(),
					growth.copySeconds(), growth.databaseSize(), growth.removedByCleanUp()))
			.append("| stage | completed verifications in history | verifications/s | ÷ first stage | CPU-s per "
					+ "verification | gated page: pages/s | ÷ first stage | p99 ms |\n")
			.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
		for (GrowthBenchmark.Stage stage : growth.stages()) {
			this.body.append(String.format("| %s | %,d | %.2f | %.2f | %.2f | %.0f | %.2f | %.1f |%n", stage.name(),
					stage.history(), stage.perSecond(), stage.perSecond() / fresh.perSecond(),
					stage.cpuSecondsPerVerification(), stage.pagesPerSecond(),
					stage.pagesPerSecond() / fresh.pagesPerSecond(), stage.pageP99()));
		}
		this.body.append('\n');
	}

	void failover(FailoverBenchmark.Failover failover) {
		this.body.append("## Database failover\n\n")
			.append("`ops/pg-ha.sh`: pg_auto_failover (Debian's postgresql-15-auto-failover) on loopback, a primary "
					+ "with a synchronous standby; one HCP Gate node on the multi-host URL "
					+ "(`targetServerType=primary`); 3 readers going through journeys and one page view every 50 ms; "
					+ "the primary killed with `kill -9` (its keeper and PostgreSQL).\n\n")
			.append("| figure | value |\n|---|---:|\n")
			.append(String.format("| page views, failed (the probe gives up on a page after 10 s) | %d, %d |%n",
					failover.pageViews(), failover.failedPageViews()))
			.append(String.format("| first to last failed page view | %,d ms |%n", failover.pageFailureMillis()))
			.append(String.format(
					"| slowest page view (capped by the probe's 10 s; the node waits up to 30 s for a connection) | %,d ms |%n",
					failover.slowestPageViewMillis()))
			.append(String.format("| journeys finished, broken off by an error | %d, %d |%n", failover.journeys(),
					failover.failedJourneys()))
			.append(String.format(
					"| kill → a decision acknowledged again (the second after the kill: one in flight at the kill does not count) | %,d ms |%n",
					failover.firstDecisionAfterKillMillis()))
			.append(String.format("| decisions acknowledged (204), found committed afterwards | %d, %d |%n%n",
					failover.decisionsAcknowledged(), failover.decisionsKept()))
			.append("State after the failover:\n\n```\n")
			.append(failover.state().strip())
			.append("\n```\n\n");
	}

	/** Throughput and latency against load, or null before the gate part ran. */
	byte[] loadPlot() throws Exception {
		return this.ramp.isEmpty() ? null
				: Plot.loadPng("HCP Gate: the gated page for a let-in reader, one node, against load", this.ramp);
	}

	String plot() {
		return Plot.bars("HCP Gate: measured ratios against their targets", this.bars);
	}

	String markdown(LocalDate date) throws Exception {
		StringBuilder doc = new StringBuilder();
		doc.append("# Benchmarks\n\n")
			.append("Run with `./mvnw -B -Pbench verify` (about an hour; `-Dbench.smoke=true` runs every part at "
					+ "its smallest and writes to target/bench/docs only; `-Dbench.quick=true` tries every part "
					+ "small in a few minutes, `-Dbench.parts=flow,gate,queue,growth,failover` picks parts). It builds the "
					+ "jar, starts a PostgreSQL of its own and the HCP Gate nodes as separate processes on loopback, "
					+ "measures, and writes this page and its plot. Figures of one run on a shared machine: the "
					+ "ratios, measured side by side in the same run, are what to compare; absolute figures are "
					+ "context.\n\n");
		if (this.scale != Benchmarks.Scale.FULL) {
			doc.append("**This is a " + this.scale.name() + " run (small sizes): not the figures to compare.**\n\n");
		}
		doc.append("Run on ").append(date).append(":\n\n");
		for (String line : Benchmarks.machine()) {
			doc.append("- ").append(line).append('\n');
		}
		doc.append("\n![ratios against targets](benchmarks/ratios.svg)\n\n");
		doc.append(this.body);
		return doc.toString();
	}

}
