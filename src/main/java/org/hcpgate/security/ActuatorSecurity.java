package org.hcpgate.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.hcpgate.processes.StaffGroups;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;

/**
 * The actuator endpoints. Health stays public (load balancers); everything else, metrics
 * ({@code /actuator/prometheus}) included, is for review leads and administrators
 * ({@link StaffGroups#REVIEW_LEADS}, {@code camunda-admin}): either signed in to the
 * Camunda webapps (a lead opening it in the browser), or with HTTP Basic against
 * Camunda's identity service (Prometheus scraping with a staff account made for it, e.g.
 * a user in {@link StaffGroups#REVIEW_LEADS}). Readers and reviewers are refused; no
 * session is created.
 */
@Configuration
class ActuatorSecurity {

	static final List<String> METRICS_GROUPS = List.of(StaffGroups.REVIEW_LEADS, Groups.CAMUNDA_ADMIN);

	static final String GROUP_AUTHORITY_PREFIX = "GROUP_";

	@Bean
	@Order(0)
	SecurityFilterChain actuatorChain(HttpSecurity http, IdentityService identity, StaffPaths paths, StaffMembers staff)
			throws Exception {
		StaffSession signedInStaff = new StaffSession(staff, METRICS_GROUPS.toArray(String[]::new));
		AuthorizationManager<RequestAuthorizationContext> leadsOrAdmins = (authentication, context) -> {
			AuthorizationDecision session = signedInStaff.check(authentication, context);
			return new AuthorizationDecision(
					(session != null && session.isGranted()) || inMetricsGroup(authentication.get()));
		};
		return http.securityMatcher(AntPathRequestMatcher.antMatcher(paths.actuator("/**")))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(AntPathRequestMatcher.antMatcher(paths.actuator("/health")),
						AntPathRequestMatcher.antMatcher(paths.actuator("/health/**")))
				.permitAll()
				.anyRequest()
				.access(leadsOrAdmins))
			.httpBasic(basic -> basic.realmName("hcp-gate"))
			.authenticationManager(new ProviderManager(new CamundaStaffAuthentication(identity)))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.build();
	}

	private static boolean inMetricsGroup(Authentication authentication) {
		return authentication != null && authentication.isAuthenticated() && authentication.getAuthorities()
			.stream()
			.anyMatch(
					a -> METRICS_GROUPS.stream().anyMatch(g -> (GROUP_AUTHORITY_PREFIX + g).equals(a.getAuthority())));
	}

	/**
	 * HTTP Basic against Camunda's users; their groups become {@code GROUP_<id>}
	 * authorities.
	 */
	static final class CamundaStaffAuthentication
			implements org.springframework.security.authentication.AuthenticationProvider {

		private final IdentityService identity;

		CamundaStaffAuthentication(IdentityService identity) {
			this.identity = identity;
		}

		@Override
		public Authentication authenticate(Authentication authentication) throws AuthenticationException {
			String user = authentication.getName();
			Object password = authentication.getCredentials();
			if (user == null || password == null || !this.identity.checkPassword(user, password.toString())) {
				throw new BadCredentialsException("Bad credentials");
			}
			List<SimpleGrantedAuthority> groups = this.identity.createGroupQuery()
				.groupMember(user)
				.list()
				.stream()
				.map(g -> new SimpleGrantedAuthority(GROUP_AUTHORITY_PREFIX + g.getId()))
				.toList();
			return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
		}

	}

}
