package org.hcpgate.system;

import java.io.IOException;
import java.util.List;

import org.hcpgate.security.StaffPaths;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A page or poll of the site (GET, HEAD) is one database transaction: the session's read,
 * the page's queries (the gate's among them) and the session's write, if any, join it,
 * instead of each opening a transaction of its own (a let-in reader's article page opened
 * 9, the journey's status poll 5; measured by the benchmark suite, docs/benchmarks.md).
 * <p>
 * Not the Camunda webapps, the REST API or the actuator (their requests keep the engine's
 * own transaction per call; a failed engine call there must not roll back what the
 * request did before), nor static files, which touch no database. Unsafe methods keep a
 * transaction per service call: a POST that fails half-way still saves what the reader
 * typed in the session. Where a call inside the page failed and its own transaction asked
 * for a rollback, the request's transaction rolls back quietly: the page the reader got
 * says what happened.
 */
@Configuration(proxyBeanMethods = false)
class ReadRequestTransactions {

	static final List<String> STATIC_PREFIXES = List.of("/css/", "/js/", "/images/", "/favicon");

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> readRequestTransaction(PlatformTransactionManager transactions,
			StaffPaths staffPaths) {
		TransactionTemplate template = new TransactionTemplate(transactions);
		template.setName("read request");
		List<String> excluded = List.of(staffPaths.webapps("/"), staffPaths.rest("/"), staffPaths.actuator("/"));
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {
					@Override
					protected boolean shouldNotFilter(HttpServletRequest request) {
						String method = request.getMethod();
						if (!"GET".equals(method) && !"HEAD".equals(method)) {
							return true;
						}
						String path = request.getRequestURI().substring(request.getContextPath().length());
						return excluded.stream().anyMatch(path::startsWith)
								|| STATIC_PREFIXES.stream().anyMatch(path::startsWith);
					}

					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						try {
							template.executeWithoutResult(status -> serve(request, response, chain, status));
						}
						catch (ChainFailed failed) {
							failed.rethrow();
						}
					}
				});
		registration.setName("read-request-transaction");
		// around Spring Session's filter, so that the session's read and write join
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 10);
		return registration;
	}

	private static void serve(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
			TransactionStatus status) {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException failed) {
			throw new ChainFailed(failed);
		}
		if (status.isRollbackOnly()) {
			// a call inside asked for a rollback and the page already says so: roll back
			// without turning the page into an error
			status.setRollbackOnly();
		}
	}

	/** Carries a checked failure of the chain out of the transaction's callback. */
	private static final class ChainFailed extends RuntimeException {

		private final Exception failure;

		ChainFailed(Exception failure) {
			super(failure);
			this.failure = failure;
		}

		void rethrow() throws IOException, ServletException {
			if (this.failure instanceof IOException io) {
				throw io;
			}
			throw (ServletException) this.failure;
		}

	}

}
