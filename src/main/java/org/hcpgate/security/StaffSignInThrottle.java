package org.hcpgate.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.hcpgate.security.LoginThrottle.Attempt;
import org.hcpgate.security.LoginThrottle.Realm;
import org.hcpgate.security.LoginThrottle.Standing;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Staff sign-in, wherever it happens (the webapps' sign-in form, HTTP Basic on the REST
 * API and the actuator), behind the same shared {@link LoginThrottle} as readers' — per
 * account and address, per account, per address — on top of Camunda's own growing delay
 * per account. A sign-in that must wait gets {@code 429} with {@code Retry-After} before
 * its password is checked; an answer of {@code 401} counts as a failure. Strangers can
 * make an account or an address wait a while, never lock it for good.
 */
@Configuration(proxyBeanMethods = false)
class StaffSignInThrottle {

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> staffSignInThrottleFilter(LoginThrottle throttle, StaffPaths paths) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new ThrottleFilter(throttle, paths));
		registration.addUrlPatterns(paths.rest("/*"), paths.actuator("/*"), paths.webapps("/api/admin/auth/user/*"),
				ContentApiSecurity.PATH + "/*", ContentApiSecurity.PARTNERS_PATH + "/*");
		registration.setName("staff-sign-in-throttle");
		// before Spring Security and Camunda's REST authentication: a waiting sign-in
		// checks no password
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	static final class ThrottleFilter extends OncePerRequestFilter {

		private final LoginThrottle throttle;

		private final StaffPaths paths;

		ThrottleFilter(LoginThrottle throttle, StaffPaths paths) {
			this.throttle = throttle;
			this.paths = paths;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Optional<String> username = signInName(request);
			if (username.isEmpty()) {
				chain.doFilter(request, response);
				return;
			}
			Attempt attempt = new Attempt(Realm.STAFF, username.get(), request.getRemoteAddr());
			Standing standing = this.throttle.standing(attempt);
			if (standing.mustWait()) {
				long seconds = Math.max(1, standing.remaining().toSeconds() + 1);
				response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
				response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
				response.setContentType(MediaType.APPLICATION_JSON_VALUE);
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
				response.getWriter()
					.write("{\"type\":\"SignInDelayed\",\"code\":\"sign-in.delayed\",\"message\":"
							+ "\"Too many failed sign-ins: try again in " + seconds + " seconds.\"}");
				return;
			}
			chain.doFilter(request, response);
			if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
				this.throttle.failed(attempt);
			}
			else if (response.getStatus() < 400) {
				this.throttle.succeeded(attempt, standing);
			}
		}

		/**
		 * The name a request signs in with: HTTP Basic, or the webapps' sign-in form
		 * ({@code POST .../api/admin/auth/user/{engine}/login/{app}}); empty for a
		 * request that signs in with nothing (a session, or no one).
		 */
		private Optional<String> signInName(HttpServletRequest request) {
			String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
			if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
				try {
					String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
							StandardCharsets.UTF_8);
					int colon = decoded.indexOf(':');
					return Optional.of((colon >= 0) ? decoded.substring(0, colon) : decoded);
				}
				catch (IllegalArgumentException notBase64) {
					return Optional.of("");
				}
			}
			String path = request.getRequestURI().substring(request.getContextPath().length());
			if ("POST".equals(request.getMethod()) && path.startsWith(this.paths.webapps("/api/admin/auth/user/"))
					&& path.contains("/login/")) {
				String username = request.getParameter("username");
				return Optional.of((username != null) ? username : "");
			}
			return Optional.empty();
		}

	}

}
