package org.hcpgate.partners;

import java.net.URI;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.hcpgate.security.SitePolicy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The sign-in page's form may end, through the authorization endpoint, in a redirect to a
 * partner (browsers check {@code form-action} on those redirects too): its policy names
 * the registered partners' redirect origins. Every other page keeps the site's policy.
 */
@Configuration(proxyBeanMethods = false)
class PartnerFormTargets implements WebMvcConfigurer {

	/** Absent in the web-layer tests, which have no database: no partner origins then. */
	private final ObjectProvider<JdbcTemplate> jdbc;

	PartnerFormTargets(ObjectProvider<JdbcTemplate> jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				response.setHeader("Content-Security-Policy", SitePolicy.withFormTargets(registeredOrigins()));
				return true;
			}
		}).addPathPatterns("/login");
	}

	private List<String> registeredOrigins() {
		JdbcTemplate jdbc = this.jdbc.getIfAvailable();
		if (jdbc == null) {
			return List.of();
		}
		return origins(jdbc
			.queryForList("select redirect_uris from oauth2_registered_client where redirect_uris is not null",
					String.class)
			.stream()
			.flatMap(uris -> Arrays.stream(uris.split(",")))
			.toList());
	}

	/** {@code scheme://host[:port]} of each URI, once each ({@code :*} for loopback). */
	static List<String> origins(Collection<String> uris) {
		return uris.stream()
			.map(String::strip)
			.filter(uri -> !uri.isEmpty())
			.map(PartnerFormTargets::origin)
			.filter(Objects::nonNull)
			.distinct()
			.sorted()
			.toList();
	}

	private static String origin(String value) {
		try {
			URI uri = URI.create(value);
			if (uri.getScheme() == null || uri.getHost() == null) {
				return null;
			}
			// a loopback redirect URI matches any port (RFC 8252), and so does its origin
			boolean loopback = "127.0.0.1".equals(uri.getHost()) || "[::1]".equals(uri.getHost());
			return uri.getScheme() + "://" + (loopback ? uri.getHost() + ":*" : uri.getAuthority());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
