package org.hcpgate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Why {@link ExpressionFreeQueries} exists: on a plain Camunda 7.24 engine with
 * expressions in ad-hoc queries switched off, an expression in an {@code or()} branch of
 * a task query is still evaluated. With the interceptor it is refused before evaluation.
 */
class ExpressionFreeQueriesTest {

	public static class Canary {

		final AtomicInteger touches = new AtomicInteger();

		public String touch() {
			this.touches.incrementAndGet();
			return "canary";
		}

	}

	ProcessEngine engine;

	Canary canary = new Canary();

	@AfterEach
	void close() {
		Mocks.reset();
		this.engine.close();
	}

	@Test
	void aPlainEngineEvaluatesAnOrBranchExpressionDespiteTheSwitch() {
		this.engine = engine("plain-engine", false);
		assertThatThrownBy(
				() -> this.engine.getTaskService().createTaskQuery().taskAssigneeExpression("${canary.touch()}").list())
			.isInstanceOf(BadUserRequestException.class);
		assertThat(this.canary.touches).hasValue(0);

		this.engine.getTaskService().createTaskQuery().or().taskAssigneeExpression("${canary.touch()}").endOr().list();
		assertThat(this.canary.touches).as("the or branch was evaluated").hasValue(1);
	}

	@Test
	void withTheInterceptorTheOrBranchIsRefusedAndNeverEvaluated() {
		this.engine = engine("hardened-engine", true);
		assertThatThrownBy(() -> this.engine.getTaskService()
			.createTaskQuery()
			.or()
			.taskAssigneeExpression("${canary.touch()}")
			.endOr()
			.list()).isInstanceOf(BadUserRequestException.class).hasMessage(ExpressionFreeQueries.MESSAGE);
		assertThat(this.canary.touches).hasValue(0);
		assertThat(this.engine.getTaskService().createTaskQuery().or().taskAssignee("x").endOr().list()).isEmpty();
	}

	private ProcessEngine engine(String name, boolean hardened) {
		StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
		configuration.setProcessEngineName(name);
		configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=1000");
		configuration.setJobExecutorActivate(false);
		configuration.setExpressionManager(new MockExpressionManager());
		configuration.setEnableExpressionsInAdhocQueries(false);
		if (hardened) {
			configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
			configuration.getCustomPreCommandInterceptorsTxRequired().add(new ExpressionFreeQueries());
		}
		ProcessEngine built = configuration.buildProcessEngine();
		Mocks.register("canary", this.canary);
		return built;
	}

}
