package org.hcpgate.bench;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.hcpgate.support.NodeProcesses;
import org.hcpgate.support.PostgresDatabase;

/**
 * The reviewers' queue: the 待审核 filter as Tasklist runs it (list and count) and the task
 * query an integrator sends, as the demo reviewer, at a small and a large number of open
 * reviews. The reviews are made by an engine in this JVM on the node's database, with the
 * node's authorization settings: each a process whose one task is
 * {@code review-credentials} for {@code hcp-reviewers}, as the real ones are when they
 * wait for a reviewer.
 */
final class QueueBenchmark {

	private final BenchNodes source;

	QueueBenchmark(BenchNodes source) {
		this.source = source;
	}

	Map<Integer, Map<String, Double>> run(List<Integer> sizes) throws Exception {
		BenchNodes.Lease lease = this.source.lease("queue", List.of("queue-node"), List.of());
		NodeProcesses nodes = lease.nodes();
		PostgresDatabase database = nodes.database();
		ProcessEngine engine = null;
		try {
			ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
				.createStandaloneProcessEngineConfiguration()
				.setJdbcUrl(database.url())
				.setJdbcUsername(database.username())
				.setJdbcPassword(database.password())
				.setJdbcDriver("org.postgresql.Driver")
				.setJdbcMaxActiveConnections(6)
				.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE)
				.setHistory(ProcessEngineConfiguration.HISTORY_FULL)
				.setAuthorizationEnabled(true)
				.setJobExecutorActivate(false)
				.setProcessEngineName("queue-benchmark");
			configuration.setDefaultUserPermissionNameForTask("TASK_WORK");
			engine = configuration.buildProcessEngine();
			engine.getRepositoryService()
				.createDeployment()
				.addModelInstance("bench-review-queue.bpmn",
						Bpmn.createExecutableProcess("bench-review-queue")
							.camundaHistoryTimeToLive(30)
							.startEvent("submitted")
							.userTask("review-credentials")
							.camundaCandidateGroups("hcp-reviewers")
							.endEvent("reviewed")
							.done())
				.deploy();
			TasklistReviewer reviewer = new TasklistReviewer(nodes.url(lease.name(0))).signIn();
			String filter = nodes.single("select id_ from act_ru_filter where name_ = '待审核'");
			Map<Integer, Map<String, Double>> times = new LinkedHashMap<>();
			int open = 0;
			for (int size : sizes) {
				int engineMade = Math.min(size, ENGINE_MADE) - open;
				if (engineMade > 0) {
					start(engine, engineMade);
				}
				for (int copy = 1; copy * ENGINE_MADE < size; copy++) {
					if (copy * ENGINE_MADE >= open) {
						copyReviews(nodes, copy, Math.min(ENGINE_MADE, size - copy * ENGINE_MADE));
					}
				}
				open = size;
				nodes.execute("analyze");
				Map<String, Double> median = new LinkedHashMap<>();
				Map<String, Double> smaller = times.isEmpty() ? Map.of() : times.get(sizes.get(times.size() - 1));
				Map<String, Request> queries = new LinkedHashMap<>();
				queries.put("待审核 filter, first page (Tasklist)", () -> reviewer.post(
						"/camunda/api/engine/engine/default/filter/" + filter + "/list?firstResult=0&maxResults=15",
						"{}"));
				queries.put("待审核 filter, count (Tasklist)",
						() -> reviewer.get("/camunda/api/engine/engine/default/filter/" + filter + "/count"));
				queries.put("task query of an integrator (REST, 50 oldest)",
						() -> reviewer.get("/camunda/api/engine/engine/default/task?candidateGroup=hcp-reviewers"
								+ "&taskDefinitionKey=review-credentials&sortBy=created&sortOrder=asc&firstResult=0"
								+ "&maxResults=50"));
				for (Map.Entry<String, Request> query : queries.entrySet()) {
					if (smaller.getOrDefault(query.getKey(), 0.0).isInfinite()) {
						median.put(query.getKey(), Double.POSITIVE_INFINITY);
						continue;
					}
					median.put(query.getKey(), median(query.getValue()));
					if (median.get(query.getKey()).isInfinite()) {
						// the node's query goes on after the reviewer gave up: stop it
						nodes.column("select pg_cancel_backend(pid)::text from pg_stat_activity where "
								+ "datname = current_database() and pid <> pg_backend_pid() and state = 'active'");
					}
				}
				times.put(size, median);
			}
			return times;
		}
		finally {
			if (engine != null) {
				engine.close();
			}
			lease.close();
		}
	}

	private static final int ENGINE_MADE = 1_000;

	/**
	 * Copies the engine's rows of (up to) {@code count} open reviews under ids ending in
	 * "-copy".
	 */
	private static void copyReviews(NodeProcesses nodes, int copy, int count) throws Exception {
		String suffix = "'-" + copy + "'";
		String tasks = "(select id_ from act_ru_task where proc_def_id_ like 'bench-review-queue:%' "
				+ "and id_ not like '%-%' order by id_ limit " + count + ")";
		String instances = "(select proc_inst_id_ from act_ru_task where id_ in " + tasks + ")";
		copyRows(nodes, "act_ru_execution", List.of("id_", "proc_inst_id_", "root_proc_inst_id_"), suffix,
				"proc_inst_id_ in " + instances);
		copyRows(nodes, "act_ru_task", List.of("id_", "execution_id_", "proc_inst_id_"), suffix, "id_ in " + tasks);
		copyRows(nodes, "act_ru_identitylink", List.of("id_", "task_id_"), suffix, "task_id_ in " + tasks);
		copyRows(nodes, "act_ru_authorization", List.of("id_", "resource_id_"), suffix,
				"resource_type_ = 7 and resource_id_ in " + tasks);
	}

	private static void copyRows(NodeProcesses nodes, String table, List<String> ids, String suffix, String where)
			throws Exception {
		List<String> columns = nodes.column("select column_name from information_schema.columns where table_name = '"
				+ table + "' order by ordinal_position");
		String values = String.join(", ",
				columns.stream().map(column -> ids.contains(column) ? column + " || " + suffix : column).toList());
		nodes.execute("insert into " + table + " (" + String.join(", ", columns) + ") select " + values + " from "
				+ table + " where " + where);
	}

	private static void start(ProcessEngine engine, int count) throws Exception {
		Workers.run(4, count, i -> engine.getRuntimeService().startProcessInstanceByKey("bench-review-queue"));
	}

	/**
	 * The median time of 5 requests, after one to warm up; each must answer 200. A
	 * request that takes longer than a reviewer's timeout (2 min) gives
	 * {@link Double#POSITIVE_INFINITY}.
	 */
	private static double median(Request request) throws Exception {
		Samples samples = new Samples();
		for (int i = 0; i < 6; i++) {
			long start = System.nanoTime();
			HttpResponse<String> response;
			try {
				response = request.send();
			}
			catch (java.net.http.HttpTimeoutException tooLong) {
				return Double.POSITIVE_INFINITY;
			}
			if (response.statusCode() != 200) {
				throw new IllegalStateException(response.statusCode() + " " + response.body());
			}
			if (i >= 1) {
				samples.add(System.nanoTime() - start);
			}
		}
		return samples.percentileMillis(50);
	}

	@FunctionalInterface
	interface Request {

		HttpResponse<String> send() throws Exception;

	}

}
