package org.hcpgate.security;

import java.lang.reflect.Field;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.util.ReflectionUtils;

/**
 * The engine's own switches ({@code enableExpressionsInAdhocQueries},
 * {@code enableExpressionsInStoredQueries}) validate only the first query of a task
 * query: the {@code or()} branches ({@code orQueries} over REST) carry no validator, and
 * their expressions are evaluated. This interceptor refuses, before any evaluation, a
 * task query, a filter execution (its extending query) or a filter being saved whose
 * query has an expression in any branch; a filter's stored query is checked again each
 * time it is executed. {@link ExpressionGuardFilter} refuses the same at the HTTP edge;
 * this is the second line for every other caller.
 */
class ExpressionFreeQueries extends CommandInterceptor {

	static final String MESSAGE = "Expressions are not allowed in task or filter queries";

	private static final Field EXTENDING_QUERY = field(AbstractExecuteFilterCmd.class, "extendingQuery");

	private static final Field FILTER_ID = field(AbstractExecuteFilterCmd.class, "filterId");

	private static final Field SAVED_FILTER = field(SaveFilterCmd.class, "filter");

	@Override
	public <T> T execute(Command<T> command) {
		if (command instanceof TaskQueryImpl query) {
			refuseExpressions(query);
		}
		else if (command instanceof AbstractExecuteFilterCmd) {
			refuseExpressions(ReflectionUtils.getField(EXTENDING_QUERY, command));
			// the stored query too: a filter saved before this check, or written by other
			// means
			String filterId = (String) ReflectionUtils.getField(FILTER_ID, command);
			if (filterId != null) {
				Object stored = this.next.execute(context -> {
					Filter filter = context.getFilterManager().findFilterById(filterId);
					return (filter != null) ? filter.getQuery() : null;
				});
				refuseExpressions(stored);
			}
		}
		else if (command instanceof SaveFilterCmd) {
			Object filter = ReflectionUtils.getField(SAVED_FILTER, command);
			if (filter instanceof Filter saved) {
				refuseExpressions(saved.getQuery());
			}
		}
		return this.next.execute(command);
	}

	static void refuseExpressions(Object query) {
		if (query instanceof TaskQueryImpl taskQuery) {
			boolean any = !taskQuery.getExpressions().isEmpty()
					|| taskQuery.getQueries().stream().anyMatch(branch -> !branch.getExpressions().isEmpty());
			if (any) {
				throw new BadUserRequestException(MESSAGE);
			}
		}
	}

	private static Field field(Class<?> type, String name) {
		Field field = ReflectionUtils.findField(type, name);
		if (field == null) {
			throw new IllegalStateException("Camunda changed: no field " + name + " in " + type.getName());
		}
		ReflectionUtils.makeAccessible(field);
		return field;
	}

}
