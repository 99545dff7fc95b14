package org.hcpgate.staff;

import java.io.IOException;
import java.util.Collection;

import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.hcpgate.processes.StaffGroups;
import org.hcpgate.security.StaffPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Staff added in Camunda Admin after start-up get their {@value ReviewFilters#MY_REVIEWS}
 * filter the first time Tasklist lists its filters for them ({@code GET} of the webapps'
 * filter resource): one cheap count query per listing, nothing when they have it.
 */
@Configuration(proxyBeanMethods = false)
class MyReviewsFilterHook {

	private static final Logger log = LoggerFactory.getLogger(MyReviewsFilterHook.class);

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> myReviewsFilterRegistration(ReviewFilters reviewFilters,
			StaffPaths paths) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {
					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						if ("GET".equals(request.getMethod())) {
							ensureFor(request, reviewFilters);
						}
						chain.doFilter(request, response);
					}
				});
		registration.addUrlPatterns(paths.webapps("/api/engine/engine/default/filter"));
		registration.setName("my-reviews-filter-hook");
		return registration;
	}

	private static void ensureFor(HttpServletRequest request, ReviewFilters reviewFilters) {
		HttpSession session = request.getSession(false);
		Authentications authentications = (session != null) ? AuthenticationUtil.getAuthsFromSession(session) : null;
		Authentication staff = (authentications != null) ? authentications.getAuthenticationForProcessEngine("default")
				: null;
		if (staff instanceof UserAuthentication user && isStaff(user.getGroupIds())) {
			try {
				reviewFilters.ensureMine(user.getIdentityId());
			}
			catch (RuntimeException ex) {
				// Tasklist works without it; the next listing tries again
				log.warn("Could not create the filter {} of {}", ReviewFilters.MY_REVIEWS, user.getIdentityId(), ex);
			}
		}
	}

	private static boolean isStaff(Collection<String> groupIds) {
		return groupIds != null && groupIds.stream().anyMatch(StaffGroups.ALL::contains);
	}

}
