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
 * @param loginMaxFailures failed sign-ins of one user name from one address before they
 * wait; a user name from any address waits after four times as many, an address (a
 * hospital's NAT) after twenty times as many
 * @param loginDelay the first wait; every further failure doubles it
 * @param loginLock the longest wait; failures are forgotten after four times this long
 * without one
 */
@ConfigurationProperties("hcp-gate.security")
public record SecuritySettings(@DefaultValue("false") boolean https, @DefaultValue("P365D") Duration hstsMaxAge,
		@DefaultValue("5") int loginMaxFailures, @DefaultValue("PT30S") Duration loginDelay,
		@DefaultValue("PT15M") Duration loginLock) {

}
