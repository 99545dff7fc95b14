package org.hcpgate.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts, on the calling thread only, the database transactions that ran at least one
 * statement and the rows written, as the JDBC driver sees them (the application's
 * DataSource, wrapped: the engine, JPA and Spring Session all go through it). A MockMvc
 * request runs on the test's thread, so {@link #during} counts what one request costs the
 * database, whatever the job executor does meanwhile.
 */
public final class CountedTransactions implements BeanPostProcessor {

	/** What the database saw while the work ran. */
	public record Counts(int transactions, int statements, int rowsWritten) {
	}

	public static Counts during(Callable<?> work) throws Exception {
		Counter counter = new Counter();
		CURRENT.set(counter);
		try {
			work.call();
		}
		finally {
			CURRENT.remove();
		}
		return new Counts(counter.transactions, counter.statements, counter.rowsWritten);
	}

	private static final ThreadLocal<Counter> CURRENT = new ThreadLocal<>();

	private static final class Counter {

		int transactions;

		int statements;

		int rowsWritten;

	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
			return proxy(DataSource.class, dataSource, (target, method, args) -> {
				Object result = invoke(target, method, args);
				return (result instanceof Connection connection) ? counted(connection) : result;
			});
		}
		return bean;
	}

	private static Connection counted(Connection connection) throws Exception {
		boolean[] inTransaction = { false };
		return (Connection) proxy(Connection.class, connection, (target, method, args) -> {
			switch (method.getName()) {
				case "commit", "rollback" -> inTransaction[0] = false;
				case "setAutoCommit" -> inTransaction[0] = false;
				default -> {
				}
			}
			Object result = invoke(target, method, args);
			if (result instanceof Statement statement) {
				return proxy(statementType(statement), statement, (st, m, a) -> {
					Object answer = invoke(st, m, a);
					if (m.getName().startsWith("execute")) {
						executed(connection, inTransaction, (Statement) st, m, answer);
					}
					return answer;
				});
			}
			return result;
		});
	}

	private static void executed(Connection connection, boolean[] inTransaction, Statement statement, Method method,
			Object answer) throws Exception {
		Counter counter = CURRENT.get();
		if (counter == null) {
			return;
		}
		counter.statements++;
		if (connection.getAutoCommit()) {
			counter.transactions++;
		}
		else if (!inTransaction[0]) {
			inTransaction[0] = true;
			counter.transactions++;
		}
		if (answer instanceof Integer rows) {
			counter.rowsWritten += Math.max(rows, 0);
		}
		else if (answer instanceof Long rows) {
			counter.rowsWritten += (int) Math.max(rows, 0);
		}
		else if (answer instanceof int[] batch) {
			for (int rows : batch) {
				counter.rowsWritten += Math.max(rows, 0);
			}
		}
		else if (answer instanceof Boolean resultSet && !resultSet && "execute".equals(method.getName())) {
			counter.rowsWritten += Math.max(statement.getUpdateCount(), 0);
		}
	}

	private static Class<?> statementType(Statement statement) {
		if (statement instanceof java.sql.CallableStatement) {
			return java.sql.CallableStatement.class;
		}
		if (statement instanceof java.sql.PreparedStatement) {
			return java.sql.PreparedStatement.class;
		}
		return Statement.class;
	}

	private static Object proxy(Class<?> type, Object target, Handler handler) {
		InvocationHandler invocation = (proxy, method, args) -> handler.handle(target, method, args);
		return Proxy.newProxyInstance(CountedTransactions.class.getClassLoader(), new Class<?>[] { type }, invocation);
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException failed) {
			throw failed.getCause();
		}
	}

	@FunctionalInterface
	private interface Handler {

		Object handle(Object target, Method method, Object[] args) throws Throwable;

	}

}
