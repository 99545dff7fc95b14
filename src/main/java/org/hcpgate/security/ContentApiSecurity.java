package org.hcpgate.security;

import org.camunda.bpm.engine.IdentityService;
import org.hcpgate.processes.StaffGroups;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

/**
 * The content API ({@code /api/content/**}) for a CMS that publishes into HCP Gate: HTTP
 * Basic with a staff account of {@link StaffGroups#EDITORS}, checked against Camunda's
 * identity service (the same accounts and the same sign-in throttle as the webapps and
 * the engine's REST API). The partner sites' API ({@code /api/partners/**}) is the same,
 * for administrators. Stateless: a reader's or a staff member's session cookie
 * authenticates nothing here, so no CSRF token is needed either.
 */
@Configuration(proxyBeanMethods = false)
class ContentApiSecurity {

	static final String PATH = "/api/content";

	static final String EDITOR = ActuatorSecurity.GROUP_AUTHORITY_PREFIX + StaffGroups.EDITORS;

	/** The partner sites' API ({@code /api/partners/**}): administrators only. */
	static final String PARTNERS_PATH = "/api/partners";

	static final String ADMINISTRATOR = ActuatorSecurity.GROUP_AUTHORITY_PREFIX + StaffGroups.ADMINISTRATORS;

	@Bean
	@Order(3)
	SecurityFilterChain contentApiChain(HttpSecurity http, IdentityService identity) throws Exception {
		return http.securityMatcher(new OrRequestMatcher(antMatcher(PATH + "/**"), antMatcher(PARTNERS_PATH + "/**")))
			.authorizeHttpRequests(requests -> requests.requestMatchers(antMatcher(PARTNERS_PATH + "/**"))
				.hasAuthority(ADMINISTRATOR)
				.anyRequest()
				.hasAuthority(EDITOR))
			.authenticationManager(new ProviderManager(new ActuatorSecurity.CamundaStaffAuthentication(identity)))
			.httpBasic(basic -> basic.realmName("HCP Gate content API"))
			.securityContext(
					context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.build();
	}

}
