package org.hcpgate.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hcp-gate.security.*}: what an operator sets for a deployment.
 *
 * @param https served over HTTPS (directly or behind a proxy that says so): session and
 * CSRF cookies of the site and the webapps get {@code Secure}, and HSTS is sent
 * @param hstsMaxAge how long browsers keep to HTTPS once told
 * @param loginMaxFailures failed sign-ins of one user name before it is locked for a
 * while
 * @param loginLock how long such a lock lasts (failures older than this are forgotten)
 */
@ConfigurationProperties("hcp-gate.security")
public record SecuritySettings(@DefaultValue("false") boolean https, @DefaultValue("P365D") Duration hstsMaxAge,
		@DefaultValue("5") int loginMaxFailures, @DefaultValue("PT15M") Duration loginLock) {

	/** Failures from one client address (many user names) before it is locked too. */
	public int loginMaxFailuresPerAddress() {
		return this.loginMaxFailures * 10;
	}

}
