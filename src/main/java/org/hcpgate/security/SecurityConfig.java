package org.hcpgate.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.hcpgate.processes.StaffGroups;
import org.hcpgate.readers.Reader;
import org.hcpgate.readers.ReaderAccountService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.Http403ForbiddenEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One security configuration for the site, the Camunda webapps and the REST API.
 * <ul>
 * <li>Readers sign in to the site (form login, accounts in the app's tables).</li>
 * <li>Staff are Camunda users: they sign in to the webapps, and use HTTP Basic on
 * {@code /engine-rest}; readers are refused both.</li>
 * </ul>
 */
@Configuration
class SecurityConfig {

	/** Readers never reach the engine's webapps or API, whatever they try. */
	private static final AuthorizationManager<RequestAuthorizationContext> NOT_A_READER = (authentication,
			context) -> new AuthorizationDecision(!isReader(authentication.get()));

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * Readers sign in with their user name and BCrypt password, throttled after failures.
	 */
	@Bean
	AuthenticationProvider readerAuthentication(ReaderAccountService readers, PasswordEncoder passwordEncoder,
			LoginThrottle throttle) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(readers);
		passwords.setPasswordEncoder(passwordEncoder);
		return new ThrottledAuthenticationProvider(passwords, throttle);
	}

	@Bean
	@Order(1)
	SecurityFilterChain engineRestChain(HttpSecurity http, StaffPaths paths) throws Exception {
		// Authentication itself is Camunda's ProcessEngineAuthenticationFilter (below),
		// which
		// also sets the engine's authenticated user for authorization checks.
		return http.securityMatcher(antMatcher(paths.rest("/**")))
			.authorizeHttpRequests(requests -> requests.anyRequest().access(NOT_A_READER))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain camundaWebappsChain(HttpSecurity http, StaffPaths paths) throws Exception {
		// The webapps have their own sign-in and CSRF protection. The first-run setup
		// page
		// would let anyone create an administrator while camunda-admin has no member:
		// closed.
		return http.securityMatcher(antMatcher(paths.webapps("/**")))
			.authorizeHttpRequests(
					requests -> requests.requestMatchers(antMatcher(paths.webapps("/api/admin/setup/**")))
						.denyAll()
						.anyRequest()
						.access(NOT_A_READER))
			.csrf(csrf -> csrf.disable())
			.headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
			.requestCache(cache -> cache.disable())
			.build();
	}

	@Bean
	@Order(4)
	SecurityFilterChain siteChain(HttpSecurity http, SecuritySettings settings, StaffMembers staff) throws Exception {
		return http.authorizeHttpRequests(requests -> requests
			// editors keep content; leads (and editors) read the audit of its changes and
			// keep the professions (leads set the licence patterns) and the rejection
			// reasons
			.requestMatchers("/staff/content/changes/**", "/staff/content/professions/**", "/staff/content/reasons/**")
			.access(new StaffSession(staff, StaffGroups.REVIEW_LEADS, StaffGroups.EDITORS))
			.requestMatchers("/staff/content/**")
			.access(new StaffSession(staff, StaffGroups.EDITORS))
			// administrators register the partner sites that sign readers in through HCP
			// Gate
			.requestMatchers("/staff/partners/**")
			.access(new StaffSession(staff, StaffGroups.ADMINISTRATORS))
			// the audit trail and the dashboard are for leads only
			.requestMatchers("/staff/decisions/**", "/staff/dashboard/**")
			.access(new StaffSession(staff, StaffGroups.REVIEW_LEADS))
			.requestMatchers("/staff/**")
			.access(new StaffSession(staff, StaffGroups.REVIEWERS, StaffGroups.REVIEW_LEADS))
			.requestMatchers("/account/deleted")
			.permitAll()
			.requestMatchers("/partners/error")
			.permitAll()
			.requestMatchers("/journey/**", "/account/**", "/partners/**")
			.hasAuthority(Reader.ROLE)
			.requestMatchers("/", "/articles/**", "/login", "/register", "/register/**", "/css/**", "/js/**",
					"/images/**", "/favicon.ico", "/error")
			.permitAll()
			// the site's search and Atom feed: teasers only, like the home page
			.requestMatchers("/search", "/feed.atom")
			.permitAll()
			// the content API's description (the API itself has its own chain)
			.requestMatchers("/api/docs", "/api/docs/**", "/swagger-ui/**")
			.permitAll()
			.anyRequest()
			.authenticated())
			// Staff sign in at Tasklist, not at the readers' sign-in page.
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(siteEntryPoint()))
			.formLogin(login -> login.loginPage("/login").failureHandler(loginFailures()).permitAll())
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(SitePolicy.CONTENT_SECURITY_POLICY))
				.frameOptions(frame -> frame.sameOrigin())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.httpStrictTransportSecurity(hsts -> {
					if (settings.https()) {
						hsts.maxAgeInSeconds(settings.hstsMaxAge().toSeconds()).includeSubDomains(true);
					}
					else {
						hsts.disable();
					}
				}))
			.logout(logout -> logout.logoutSuccessUrl("/"))
			.build();
	}

	/**
	 * A locked user name is told so (the same for unknown names); other failures say
	 * "wrong".
	 */
	private static AuthenticationFailureHandler loginFailures() {
		ExceptionMappingAuthenticationFailureHandler failures = new ExceptionMappingAuthenticationFailureHandler();
		failures.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?locked"));
		failures.setDefaultFailureUrl("/login?error");
		return failures;
	}

	/**
	 * Readers are sent to sign in; staff pages just refuse (staff sign in at Tasklist).
	 */
	private static AuthenticationEntryPoint siteEntryPoint() {
		LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> entryPoints = new LinkedHashMap<>();
		entryPoints.put(antMatcher("/staff/**"), new Http403ForbiddenEntryPoint());
		// a page's status poll asks for JSON: it gets a JSON 401, never the sign-in page
		entryPoints.put(SecurityConfig::asksForJson, SecurityConfig::signedOutJson);
		DelegatingAuthenticationEntryPoint entryPoint = new DelegatingAuthenticationEntryPoint(entryPoints);
		entryPoint.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"));
		return entryPoint;
	}

	private static boolean asksForJson(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE) && !accept.contains("text/html");
	}

	private static void signedOutJson(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException signedOut) throws IOException {
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write("{\"error\":\"signed-out\",\"signIn\":\"/login\"}");
	}

	/** HTTP Basic against Camunda's identity service (staff) for the REST API. */
	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(StaffPaths paths) {
		FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ProcessEngineAuthenticationFilter());
		registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
				HttpBasicAuthenticationProvider.class.getName());
		registration.addUrlPatterns(paths.rest("/*"));
		registration.setName("engine-rest-authentication");
		return registration;
	}

	/** Not MVC matchers: the REST API and the webapps are served outside Spring MVC. */
	private static RequestMatcher antMatcher(String pattern) {
		return AntPathRequestMatcher.antMatcher(pattern);
	}

	private static boolean isReader(Authentication authentication) {
		return authentication != null
				&& authentication.getAuthorities().stream().anyMatch(a -> Reader.ROLE.equals(a.getAuthority()));
	}

}