package org.hcpgate.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.hcpgate.support.NodeProcesses;

/**
 * Growth: the flow and a let-in reader's gated page on one node, first on a database with
 * only the run's own history, then after the history has grown to many completed
 * verifications, then again while Camunda's history clean-up removes them. The history is
 * grown by copying every history row of the verifications the run made (process
 * instances, activities, tasks, variables, details, job logs, their byte arrays) under
 * new ids (an md5 of the old id and the copy's number), and the read model with them: as
 * many rows as real verifications leave.
 */
final class GrowthBenchmark {

	private static final String NODE = "growth-node";

	/** Id columns that name something shared, not the copied instance's own rows. */
	private static final Set<String> SHARED_IDS = Set.of("proc_def_id_", "act_id_", "tenant_id_", "user_id_",
			"deployment_id_", "job_def_id_", "case_def_id_", "decision_def_id_", "group_id_", "failed_act_id_",
			"proc_def_key_");

	private final BenchNodes source;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/** The node's name, as the lease gives it. */
	private String name = NODE;

	GrowthBenchmark(BenchNodes source) {
		this.source = source;
	}

	/**
	 * The nightly clean-up window far from now: clean-up runs only when the benchmark
	 * starts it, as an administrator would.
	 */
	static List<String> cleanUpWindow() {
		String windowStart = LocalTime.now().plusHours(12).format(DateTimeFormatter.ofPattern("HH:mm"));
		String windowEnd = LocalTime.now().plusHours(12).plusMinutes(1).format(DateTimeFormatter.ofPattern("HH:mm"));
		return List.of("-Dhcp-gate.engine.history-cleanup-window-start=" + windowStart,
				"-Dhcp-gate.engine.history-cleanup-window-end=" + windowEnd);
	}

	Growth run(Benchmarks.Scale scale) throws Exception {
		try (BenchNodes.Lease lease = this.source.lease("growth", List.of(NODE), cleanUpWindow())) {
			NodeProcesses nodes = lease.nodes();
			this.name = lease.name(0);
			String node = nodes.url(this.name);
			TasklistReviewer reviewer = new TasklistReviewer(node).signIn();
			BenchReader reader = new BenchReader(node, Duration.ofMillis(250), new Samples(), new Samples());
			reader.verify(reviewer, nodes);
			String cookie = "SESSION=" + reader.site().cookie("SESSION");
			String body = nodes.single("select body from article where id = 1");
			Page page = new Page(node + "/articles/1", cookie, body.substring(0, Math.min(40, body.length())));
			// warm-up, and the verifications whose history is copied (a smoke run
			// compares nothing, and copies the history the verification above left)
			if (!scale.shortcuts()) {
				flow(nodes, node, reviewer, 2 * scale.growthVerifications());
				new Load().run(page.url(), page.cookie(), page.marker(), 4, scale.gateWarmUp());
			}

			List<Stage> stages = new ArrayList<>();
			stages.add(measure("only the run's own history", nodes, node, reviewer, page, scale));
			long copyStart = System.nanoTime();
			long rows = grow(nodes, scale.history());
			double copySeconds = (System.nanoTime() - copyStart) / 1e9;
			stages.add(measure("grown", nodes, node, reviewer, page, scale));
			long before = completed(nodes);
			cleanUp(node);
			stages.add(measure("grown, history clean-up running", nodes, node, reviewer, page, scale));
			long removed = before + scale.growthVerifications() - completed(nodes);
			String size = nodes.single("select pg_size_pretty(pg_database_size(current_database()))");
			return new Growth(stages, rows, copySeconds, removed, size);
		}
	}

	private Stage measure(String name, NodeProcesses nodes, String node, TasklistReviewer reviewer, Page page,
			Benchmarks.Scale scale) throws Exception {
		long history = completed(nodes);
		Duration cpuBefore = nodes.cpu(this.name);
		long start = System.nanoTime();
		flow(nodes, node, reviewer, scale.growthVerifications());
		double seconds = (System.nanoTime() - start) / 1e9;
		Duration cpu = nodes.cpu(this.name).minus(cpuBefore);
		Load.Result pages = new Load().run(page.url(), page.cookie(), page.marker(), 4, scale.gateRound());
		return new Stage(name, history, scale.growthVerifications() / seconds,
				cpu.toMillis() / 1000.0 / scale.growthVerifications(), pages.perSecond(),
				pages.latencies().percentileMillis(99));
	}

	private static void flow(NodeProcesses nodes, String node, TasklistReviewer reviewer, int verifications)
			throws Exception {
		Workers.run(4, verifications, i -> new BenchReader(node, Duration.ofMillis(250), new Samples(), new Samples())
			.verify(reviewer, nodes));
	}

	/** Completed verifications in the engine's history. */
	private static long completed(NodeProcesses nodes) throws Exception {
		return nodes.count("select count(*) from act_hi_procinst where proc_def_key_ = 'hcp-verification' "
				+ "and end_time_ is not null");
	}

	/**
	 * Copies the history of the verifications made so far until there are {@code target}
	 * completed ones; the copies are due for clean-up (removal time yesterday). The rows
	 * written.
	 */
	private static long grow(NodeProcesses nodes, int target) throws Exception {
		long made = completed(nodes);
		int copies = (int) Math.max(0, Math.ceil((double) target / made) - 1);
		List<String> tables = nodes.column("select table_name from information_schema.columns where table_schema = "
				+ "current_schema() and column_name = 'root_proc_inst_id_' and (table_name like 'act_hi_%' "
				+ "or table_name = 'act_ge_bytearray') order by table_name");
		nodes.execute("create table bench_growth_template as select distinct root_proc_inst_id_ from act_hi_procinst");
		long rows = 0;
		int chunk = 50;
		for (int from = 1; from <= copies; from += chunk) {
			int to = Math.min(copies, from + chunk - 1);
			for (String table : tables) {
				rows += copy(nodes, table, from, to);
			}
			// the copies' readers, verified and let in, as the gate benchmark grants them
			GateBenchmark.grant(nodes,
					Math.toIntExact(nodes.count("select count(*) from zone_access") + made * (to - from + 1)));
			System.out.printf("growth: %,d of %,d copies, %,d rows%n", to, copies, rows);
		}
		nodes.execute("vacuum analyze");
		return rows;
	}

	private static long copy(NodeProcesses nodes, String table, int from, int to) throws Exception {
		List<String> columns = nodes.column("select column_name || ':' || data_type from information_schema.columns "
				+ "where table_schema = current_schema() and table_name = '" + table + "' order by ordinal_position");
		List<String> names = new ArrayList<>();
		List<String> values = new ArrayList<>();
		for (String column : columns) {
			String name = column.substring(0, column.indexOf(':'));
			String type = column.substring(column.indexOf(':') + 1);
			names.add(name);
			boolean text = type.startsWith("character");
			if (text && (name.endsWith("id_") || name.equals("business_key_")) && !SHARED_IDS.contains(name)) {
				// the same id gets the same new one in every table (ids are up to 64
				// characters, and some already use most of them)
				values.add("case when " + name + " is null then null else md5(" + name + " || '~' || g) end");
			}
			else if (name.equals("removal_time_")) {
				values.add("now() - interval '1 day'");
			}
			else {
				values.add(name);
			}
		}
		return nodes.execute("insert into " + table + " (" + String.join(", ", names) + ") select "
				+ String.join(", ", values) + " from " + table + " cross join generate_series(" + from + ", " + to
				+ ") g where root_proc_inst_id_ in (select root_proc_inst_id_ from bench_growth_template)");
	}

	/** Starts Camunda's history clean-up now, as an administrator does over REST. */
	private void cleanUp(String node) throws Exception {
		String basic = Base64.getEncoder().encodeToString("demo-admin:demo-admin".getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> started = this.http
			.send(HttpRequest.newBuilder(URI.create(node + "/engine-rest/history/cleanup?immediatelyDue=true"))
				.header("Authorization", "Basic " + basic)
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
		if (started.statusCode() != 200) {
			throw new IllegalStateException(
					"history clean-up not started: " + started.statusCode() + " " + started.body());
		}
	}

	private record Page(String url, String cookie, String marker) {
	}

	/**
	 * One stage: completed verifications in history when it began, verifications/s, CPU-s
	 * per verification, the gated page's pages/s and p99 ms.
	 */
	record Stage(String name, long history, double perSecond, double cpuSecondsPerVerification, double pagesPerSecond,
			double pageP99) {
	}

	record Growth(List<Stage> stages, long rowsCopied, double copySeconds, long removedByCleanUp, String databaseSize) {
	}

}
