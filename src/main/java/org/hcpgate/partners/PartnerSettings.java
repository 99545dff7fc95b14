package org.hcpgate.partners;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hcp-gate.partners.*}: the provider's keys and lifetimes.
 *
 * @param issuer the provider's public address as partners know it; empty: each request's
 * own (behind a proxy, with {@code server.forward-headers-strategy})
 * @param signingKeys a JWK set (JSON) of RSA key pairs: the first signs, all are
 * published at {@code /oauth2/jwks}, so a key can be rotated in before it signs and kept
 * after
 * @param demoSigningKeysFile demo profile only: where generated keys are kept
 * @param pendingSignInLifetime how long a partner's sign-in waits for the reader's
 * verification
 * @param accessTokenLifetime a partner's access token (as a JWT, valid this long even
 * after a withdrawal for a site that does not ask the user-info endpoint)
 * @param refreshTokenLifetime a partner's refresh token (each, rotated at every use)
 * @param refreshTokenChainLifetime how long a chain of rotated refresh tokens lives, from
 * the reader's sign-in (the authorization code): no refresh token of the chain lives past
 * it, and the reader signs in again
 */
@ConfigurationProperties("hcp-gate.partners")
record PartnerSettings(@DefaultValue("") String issuer, @DefaultValue("") String signingKeys,
		@DefaultValue("") String demoSigningKeysFile, @DefaultValue("P14D") Duration pendingSignInLifetime,
		@DefaultValue("PT5M") Duration accessTokenLifetime, @DefaultValue("P1D") Duration refreshTokenLifetime,
		@DefaultValue("P30D") Duration refreshTokenChainLifetime) {
}
