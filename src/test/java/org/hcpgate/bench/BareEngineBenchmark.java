package org.hcpgate.bench;

import java.lang.management.ManagementFactory;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.hcpgate.support.PostgresDatabase;

/**
 * The baseline of the flow: the bare Camunda engine (the same version, full history, as
 * HCP Gate runs it) in one JVM on the same PostgreSQL, running a process with one user
 * task: start it, find the task, complete it.
 */
final class BareEngineBenchmark {

	private final BenchPostgres server;

	BareEngineBenchmark(BenchPostgres server) {
		this.server = server;
	}

	/**
	 * The instances measured by {@code workers} threads, the database's counters read
	 * after waiting {@code statsFlush} for them.
	 */
	Bare run(int workers, int instances, java.time.Duration statsFlush) throws Exception {
		PostgresDatabase database = this.server.createDatabase("bare_engine");
		ProcessEngineConfiguration configuration = ProcessEngineConfiguration
			.createStandaloneProcessEngineConfiguration()
			.setJdbcUrl(database.url())
			.setJdbcUsername(database.username())
			.setJdbcPassword(database.password())
			.setJdbcDriver("org.postgresql.Driver")
			.setJdbcMaxActiveConnections(workers + 2)
			.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
			.setHistory(ProcessEngineConfiguration.HISTORY_FULL)
			.setJobExecutorActivate(false)
			.setProcessEngineName("bare-engine-benchmark");
		ProcessEngine engine = configuration.buildProcessEngine();
		try {
			BpmnModelInstance model = Bpmn.createExecutableProcess("one-user-task")
				.camundaHistoryTimeToLive(30)
				.startEvent("started")
				.userTask("decide")
				.camundaCandidateGroups("hcp-reviewers")
				.endEvent("decided")
				.done();
			engine.getRepositoryService().createDeployment().addModelInstance("one-user-task.bpmn", model).deploy();
			once(engine, workers, 2 * workers);
			Thread.sleep(statsFlush.toMillis());
			long cpuBefore = processCpuNanos();
			BenchPostgres.Counts before = this.server.counts("bare_engine");
			long start = System.nanoTime();
			once(engine, workers, instances);
			double seconds = (System.nanoTime() - start) / 1e9;
			double cpu = (processCpuNanos() - cpuBefore) / 1e9;
			Thread.sleep(statsFlush.toMillis());
			BenchPostgres.Counts counted = this.server.counts("bare_engine").minus(before);
			return new Bare(instances, instances / seconds, cpu / instances,
					(double) counted.transactions() / instances, (double) counted.statements() / instances);
		}
		finally {
			engine.close();
		}
	}

	private static void once(ProcessEngine engine, int workers, int instances) throws Exception {
		Workers.run(workers, instances, i -> {
			ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("one-user-task");
			Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
			engine.getTaskService().complete(task.getId());
		});
	}

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	/** Instances per second; the bench JVM's CPU per instance (it drives itself). */
	record Bare(int instances, double perSecond, double cpuSecondsPerInstance, double transactionsPerInstance,
			double statementsPerInstance) {
	}

}
