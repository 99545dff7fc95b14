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

	/**
	 * A filter stored with an expression (before the check, or by other means) is refused
	 * when run.
	 */
	@Test
	void aStoredFilterWithAnExpressionIsRefusedWhenExecutedAndNeverEvaluated() {
		ProcessEngine plain = engine("filter-store", false, "jdbc:h2:mem:shared-filters;DB_CLOSE_DELAY=1000");
		String filterId;
		try {
			org.camunda.bpm.engine.filter.Filter filter = plain.getFilterService()
				.newTaskFilter("stored with an expression")
				.setQuery(plain.getTaskService()
					.createTaskQuery()
					.or()
					.taskAssigneeExpression("${canary.touch()}")
					.endOr());
			filterId = plain.getFilterService().saveFilter(filter).getId();
		}
		finally {
			plain.close();
		}
		this.engine = engine("filter-run", true, "jdbc:h2:mem:shared-filters;DB_CLOSE_DELAY=1000");
		assertThatThrownBy(() -> this.engine.getFilterService().list(filterId))
			.isInstanceOf(BadUserRequestException.class)
			.hasMessage(ExpressionFreeQueries.MESSAGE);
		assertThat(this.canary.touches).hasValue(0);
	}

	private ProcessEngine engine(String name, boolean hardened) {
		return engine(name, hardened, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=1000");
	}

	private ProcessEngine engine(String name, boolean hardened, String url) {
		StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
		configuration.setProcessEngineName(name);
		configuration.setJdbcUrl(url);
		configuration.setDatabaseSchemaUpdate("true");
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
