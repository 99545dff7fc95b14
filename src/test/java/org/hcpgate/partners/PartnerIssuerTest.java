package org.hcpgate.partners;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * The provider's issuer comes from configuration: a caller's {@code Host} header names
 * nothing in the discovery document or the tokens, except on the demo.
 */
class PartnerIssuerTest {

	@Test
	void theIssuerIsTheConfiguredAddressNeverTheRequestsOutsideTheDemo() {
		MockEnvironment production = new MockEnvironment().withProperty("hcp-gate.site-url",
				"https://gate.example.org");
		assertThat(PartnerSignInSecurity.issuer(settings(""), production)).contains("https://gate.example.org");
		assertThat(PartnerSignInSecurity.issuer(settings("https://id.example.org"), production))
			.contains("https://id.example.org");

		MockEnvironment demo = new MockEnvironment();
		demo.setActiveProfiles("postgres", "demo");
		assertThat(PartnerSignInSecurity.issuer(settings(""), demo)).as("the demo: each request's own").isEmpty();
		assertThat(PartnerSignInSecurity.issuer(settings("https://id.example.org"), demo))
			.contains("https://id.example.org");
	}

	private static PartnerSettings settings(String issuer) {
		return new PartnerSettings(issuer, "", "", Duration.ofDays(14), Duration.ofMinutes(5), Duration.ofDays(1),
				Duration.ofDays(30));
	}

}
