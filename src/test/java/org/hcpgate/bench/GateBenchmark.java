package org.hcpgate.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hcpgate.support.NodeProcesses;

/**
 * The gate's overhead: one gated article page for a let-in reader against the same
 * article served ungated (same body, same comments), for the same signed-in reader and
 * for nobody signed in, under load on one node; with 10 and with 1,000,000 granted
 * readers in the read model. Also what one page view or status poll costs the database.
 */
final class GateBenchmark {

	private final BenchPostgres server;

	private final BenchNodes source;

	GateBenchmark(BenchPostgres server, BenchNodes source) {
		this.server = server;
		this.source = source;
	}

	Gate run(Benchmarks.Scale scale) throws Exception {
		try (BenchNodes.Lease lease = this.source.lease("gate", List.of("gate-node"), List.of())) {
			NodeProcesses nodes = lease.nodes();
			String node = nodes.url(lease.name(0));
			BenchReader reader = new BenchReader(node, Duration.ofMillis(100), new Samples(), new Samples());
			reader.verify(new TasklistReviewer(node).signIn(), nodes);
			String cookie = "SESSION=" + reader.site().cookie("SESSION");
			long open = Long.parseLong(nodes.single("select id from article where id = 1"));
			String columns = String.join(", ", nodes.column("select column_name from information_schema.columns "
					+ "where table_name = 'article' and column_name not in ('id', 'gated') order by ordinal_position"));
			String ungated = nodes.single("insert into article (gated, " + columns + ") select false, " + columns
					+ " from article where id = " + open + " returning id");
			String commentColumns = String
				.join(", ", nodes.column("select column_name from information_schema.columns where table_name = "
						+ "'article_comment' and column_name not in ('id', 'article_id') order by ordinal_position"));
			nodes.execute("insert into article_comment (article_id, " + commentColumns + ") select " + ungated + ", "
					+ commentColumns + " from article_comment where article_id = " + open);
			String body = nodes.single("select body from article where id = " + open);
			String marker = body.substring(0, Math.min(40, body.length()));
			String gatedUrl = node + "/articles/" + open;
			String ungatedUrl = node + "/articles/" + ungated;

			Map<String, PageCost> costs = new LinkedHashMap<>();
			String database = lease.database();
			costs.put("gated article, let-in reader", cost(database, gatedUrl, cookie, marker, scale));
			costs.put("same article ungated, same reader", cost(database, ungatedUrl, cookie, marker, scale));
			costs.put("same article ungated, nobody signed in", cost(database, ungatedUrl, null, marker, scale));
			costs.put("status poll of a waiting page",
					cost(database, node + "/journey/" + BenchReader.ZONE + "/status", cookie, "\"state\"", scale));

			Duration round = scale.gateRound();
			Duration warmUp = scale.gateWarmUp();
			List<Sized> sizes = new ArrayList<>();
			grant(nodes, 10);
			sizes.add(load(gatedUrl, ungatedUrl, cookie, marker, 10, warmUp, round));
			grant(nodes, scale.granted());
			sizes.add(load(gatedUrl, ungatedUrl, cookie, marker, scale.granted(), warmUp, round));
			List<Step> ramp;
			NodeMemory.Peaks memory;
			try (NodeMemory watch = NodeMemory.watch(nodes.pid(lease.name(0)))) {
				ramp = ramp(gatedUrl, cookie, marker, scale.rampMost(), scale.rampStep());
				memory = watch.peaks();
			}
			return new Gate(costs, sizes, ramp, memory);
		}
	}

	/**
	 * Gated and ungated, in turns and in alternating order (so that drifts of a shared
	 * machine hit both alike), after the JIT has warmed up on both.
	 */
	private static Sized load(String gated, String ungated, String cookie, String marker, int granted, Duration warmUp,
			Duration round) throws Exception {
		Load load = new Load();
		for (int i = 0; i < 3; i++) {
			load.run(gated, cookie, marker, 4, warmUp.dividedBy(9));
			load.run(ungated, cookie, marker, 4, warmUp.dividedBy(9));
			load.run(ungated, null, marker, 4, warmUp.dividedBy(9));
		}
		List<Load.Result> gatedRuns = new ArrayList<>();
		List<Load.Result> ungatedRuns = new ArrayList<>();
		List<Load.Result> anonymousRuns = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			if (i % 2 == 0) {
				gatedRuns.add(load.run(gated, cookie, marker, 4, round));
				ungatedRuns.add(load.run(ungated, cookie, marker, 4, round));
			}
			else {
				ungatedRuns.add(load.run(ungated, cookie, marker, 4, round));
				gatedRuns.add(load.run(gated, cookie, marker, 4, round));
			}
			anonymousRuns.add(load.run(ungated, null, marker, 4, round));
		}
		return new Sized(granted, Load.Result.of(gatedRuns), Load.Result.of(ungatedRuns),
				Load.Result.of(anonymousRuns));
	}

	/**
	 * How many readers reading at once one node holds: closed-loop clients on the gated
	 * page (no pause between a page and the next: each client is a reader clicking as
	 * fast as pages come), doubled until p99 passes 1 s or the most asked for.
	 */
	private static List<Step> ramp(String gated, String cookie, String marker, int most, Duration step)
			throws Exception {
		Load load = new Load();
		List<Step> steps = new ArrayList<>();
		for (int clients = 1; clients <= most; clients *= 2) {
			Load.Result result = load.run(gated, cookie, marker, clients, step);
			steps.add(new Step(clients, result.perSecond(), result.latencies().percentileMillis(50),
					result.latencies().percentileMillis(99)));
			if (result.latencies().percentileMillis(99) > 1000) {
				break;
			}
		}
		return steps;
	}

	/**
	 * Readers let into the zone beside the one measured, written straight into the read
	 * model.
	 */
	static void grant(NodeProcesses nodes, int total) throws Exception {
		long now = nodes.count("select count(*) from zone_access");
		String version = nodes.single("select agreement_version from zone where zone_key = '" + BenchReader.ZONE + "'");
		nodes.execute("insert into hcp_verification (reader_id, status, valid_until, updated_at) select 'bench-' || g, "
				+ "'VERIFIED', now() + interval '365 days', now() from generate_series(" + (now + 1) + ", " + total
				+ ") g");
		nodes.execute(
				"insert into zone_access (reader_id, zone_key, granted_at, agreement_version) select 'bench-' || g, '"
						+ BenchReader.ZONE + "', now(), " + version + " from generate_series(" + (now + 1) + ", "
						+ total + ") g");
		// as an operator does after a bulk load: vacuumed as well as analysed, so that
		// the
		// rounds neither race insert-triggered autovacuum on 2 cores nor set the hint
		// bits
		// of a million fresh rows on their first reads
		nodes.execute("vacuum (analyze) hcp_verification");
		nodes.execute("vacuum (analyze) zone_access");
	}

	/**
	 * Transactions and statements of one request, over 100 in a row (a few in a smoke
	 * run), net of an idle node's.
	 */
	private PageCost cost(String name, String url, String cookie, String marker, Benchmarks.Scale scale)
			throws Exception {
		Load load = new Load();
		Thread.sleep(scale.statsFlush().toMillis());
		BenchPostgres.Counts idleFrom = this.server.counts(name);
		long idleStart = System.nanoTime();
		Thread.sleep(scale.statsFlush().toMillis());
		BenchPostgres.Counts before = this.server.counts(name);
		double idleSeconds = (System.nanoTime() - idleStart) / 1e9;
		BenchPostgres.Counts idle = before.minus(idleFrom);
		long start = System.nanoTime();
		int requests = scale.costRequests();
		for (int i = 0; i < requests; i++) {
			load.once(url, cookie, marker);
		}
		Thread.sleep(scale.statsFlush().toMillis());
		double window = (System.nanoTime() - start) / 1e9;
		BenchPostgres.Counts counted = this.server.counts(name).minus(before);
		return new PageCost((counted.transactions() - idle.transactions() / idleSeconds * window) / requests,
				(counted.statements() - idle.statements() / idleSeconds * window) / requests);
	}

	record PageCost(double transactions, double statements) {
	}

	record Sized(int granted, Load.Result gated, Load.Result ungated, Load.Result anonymous) {
	}

	/** One step of the ramp: clients reading at once, pages/s, p50 and p99 in ms. */
	record Step(int clients, double perSecond, double p50, double p99) {
	}

	record Gate(Map<String, PageCost> costs, List<Sized> sizes, List<Step> ramp, NodeMemory.Peaks memory) {
	}

}
