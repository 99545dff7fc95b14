package org.hcpgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.camunda.bpm.spring.boot.starter.property.WebappProperty;
import org.junit.jupiter.api.Test;

/**
 * One switch, {@code hcp-gate.security.https}, hardens the webapps' cookies and turns on
 * HSTS.
 */
class WebappHardeningTest {

	@Test
	void overHttpsTheWebappsCsrfCookieIsSecureAndHstsIsSent() {
		WebappProperty webapp = new WebappProperty();
		WebappHardening.apply(webapp,
				new SecuritySettings(true, Duration.ofDays(180), 5, Duration.ofSeconds(30), Duration.ofMinutes(15)));
		// the session cookie is the container's (server.servlet.session.cookie.secure
		// follows the switch)
		assertThat(webapp.getSessionCookie().isEnableSecureCookie()).isFalse();
		assertThat(webapp.getSessionCookie().isEnableSameSiteCookie()).isFalse();
		assertThat(webapp.getCsrf().isEnableSecureCookie()).isTrue();
		assertThat(webapp.getCsrf().isEnableSameSiteCookie()).isTrue();
		assertThat(webapp.getHeaderSecurity().isHstsDisabled()).isFalse();
		assertThat(webapp.getHeaderSecurity().getHstsMaxAge()).isEqualTo(String.valueOf(180 * 24 * 3600));
	}

	@Test
	void overPlainHttpNothingIsMarkedSecure() {
		WebappProperty webapp = new WebappProperty();
		WebappHardening.apply(webapp,
				new SecuritySettings(false, Duration.ofDays(365), 5, Duration.ofSeconds(30), Duration.ofMinutes(15)));
		assertThat(webapp.getCsrf().isEnableSecureCookie()).isFalse();
		assertThat(webapp.getCsrf().isEnableSameSiteCookie()).isTrue();
		assertThat(webapp.getHeaderSecurity().isHstsDisabled()).isTrue();
	}

}
