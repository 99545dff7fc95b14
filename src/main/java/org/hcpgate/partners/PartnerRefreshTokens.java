package org.hcpgate.partners;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.token.OAuth2RefreshTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * Partners' refresh tokens: rotated at every use (each new one lives
 * {@code refresh-token-lifetime}), but never past the chain's start (the authorization
 * code's issue, kept in the authorization for as long as the chain lives) plus
 * {@code refresh-token-chain-lifetime}: a partner that refreshes every day still has the
 * reader sign in again when the chain is over.
 */
final class PartnerRefreshTokens implements OAuth2TokenGenerator<OAuth2RefreshToken> {

	private final OAuth2RefreshTokenGenerator rotated = new OAuth2RefreshTokenGenerator();

	private final Duration chainLifetime;

	PartnerRefreshTokens(Duration chainLifetime) {
		this.chainLifetime = chainLifetime;
	}

	@Override
	public OAuth2RefreshToken generate(OAuth2TokenContext context) {
		OAuth2RefreshToken token = this.rotated.generate(context);
		if (token == null) {
			return null;
		}
		Instant end = chainStart(context.getAuthorization()).orElse(token.getIssuedAt()).plus(this.chainLifetime);
		if (!end.isAfter(token.getIssuedAt())) {
			throw new OAuth2AuthenticationException(
					new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "The sign-in is over: sign in again", null));
		}
		if (token.getExpiresAt() == null || end.isBefore(token.getExpiresAt())) {
			return new OAuth2RefreshToken(token.getTokenValue(), token.getIssuedAt(), end);
		}
		return token;
	}

	/** When the reader signed in for this partner: the code's issue. */
	private static Optional<Instant> chainStart(OAuth2Authorization authorization) {
		return Optional.ofNullable(authorization)
			.map(found -> found.getToken(OAuth2AuthorizationCode.class))
			.map(code -> code.getToken().getIssuedAt());
	}

}
