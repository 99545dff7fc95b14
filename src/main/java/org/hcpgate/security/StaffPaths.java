package org.hcpgate.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where staff sign in and work, as configured (not literals): the Camunda webapps
 * ({@code camunda.bpm.webapp.application-path}), the engine's REST API
 * ({@code spring.jersey.application-path}) and the actuator
 * ({@code management.endpoints.web.base-path}). The security rules, the sign-in throttle
 * and the engine's guards all follow these, so moving a path moves its protection with
 * it.
 */
@Component
public class StaffPaths {

	private final String webapps;

	private final String rest;

	private final String actuator;

	StaffPaths(@Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps,
			@Value("${spring.jersey.application-path:/engine-rest}") String rest,
			@Value("${management.endpoints.web.base-path:/actuator}") String actuator) {
		this.webapps = normalize(webapps);
		this.rest = normalize(rest);
		this.actuator = normalize(actuator);
	}

	/** A path under the webapps, e.g. {@code webapps("/**")}. */
	public String webapps(String tail) {
		return this.webapps + tail;
	}

	/** A path under the REST API. */
	public String rest(String tail) {
		return this.rest + tail;
	}

	/** A path under the actuator. */
	public String actuator(String tail) {
		return this.actuator + tail;
	}

	/** {@code /camunda}, {@code camunda/} and {@code /camunda/} are the same path. */
	static String normalize(String path) {
		String trimmed = path.strip().replaceAll("^/+|/+$", "");
		return trimmed.isEmpty() ? "" : "/" + trimmed;
	}

}
