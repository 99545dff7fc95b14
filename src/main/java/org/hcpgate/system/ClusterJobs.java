package org.hcpgate.system;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The job executor of one node in a cluster of identical nodes on one database (Camunda's
 * homogeneous cluster): every node acquires jobs, optimistic locking keeps a job from
 * running twice, and a job locked by a node is the others' again when its lock expires
 * ({@code camunda.bpm.job-execution.lock-time-in-millis}, see {@code application.yml}).
 * <p>
 * Each node locks jobs under its own name ({@code hcp-gate.node-id}, by default host and
 * port), so that it can give back what it holds instead of leaving readers to wait for
 * the lock to expire: when it stops (SIGTERM: after the job executor has stopped, the
 * jobs it had acquired but not run are unlocked), and when it starts again after a crash
 * (the jobs the dead process held are unlocked before this one acquires any). Two nodes
 * must never share a name.
 */
@Configuration(proxyBeanMethods = false)
class ClusterJobs {

	@Bean
	NodeJobLocks nodeJobLocks(JdbcTemplate jdbc, @Value("${hcp-gate.node-id:}") String nodeId,
			@Value("${server.port:8080}") int port) {
		return new NodeJobLocks(jdbc, nodeId.isBlank() ? defaultNodeId(port) : nodeId);
	}

	/** Host and port; with a random port (0) no name lasts, so a random one. */
	static String defaultNodeId(int port) {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "localhost";
		}
		return host + ":" + ((port > 0) ? String.valueOf(port) : UUID.randomUUID().toString());
	}

	static final class NodeJobLocks extends AbstractProcessEnginePlugin implements DisposableBean {

		private static final Logger log = LoggerFactory.getLogger(NodeJobLocks.class);

		private final JdbcTemplate jdbc;

		private final String nodeId;

		NodeJobLocks(JdbcTemplate jdbc, String nodeId) {
			this.jdbc = jdbc;
			this.nodeId = nodeId;
		}

		@Override
		public void postInit(ProcessEngineConfigurationImpl configuration) {
			if (configuration.getJobExecutor() != null) {
				configuration.getJobExecutor().setLockOwner(this.nodeId);
			}
		}

		/** Before the job executor starts: what this node held when it died. */
		@Override
		public void postProcessEngineBuild(ProcessEngine engine) {
			release("after a restart");
		}

		/** After the engine (and its job executor) stopped. */
		@Override
		public void destroy() {
			release("on shutdown");
		}

		int release(String when) {
			int released = this.jdbc.update("update ACT_RU_JOB set LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null, "
					+ "REV_ = REV_ + 1 where LOCK_OWNER_ = ?", this.nodeId);
			if (released > 0) {
				log.info("Node {} gave back {} job lock(s) {}", this.nodeId, released, when);
			}
			return released;
		}

		String nodeId() {
			return this.nodeId;
		}

	}

}
