package org.hcpgate.partners;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenIntrospection;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationToken;

/**
 * A partner introspects only its own tokens: another partner's token answers
 * {@code {"active":false}}, as an unknown one does (the server's own provider tells any
 * authenticated client everything about any token: the reader's pairwise subject at the
 * other partner, its scopes).
 */
record PartnerIntrospection(AuthenticationProvider server) implements AuthenticationProvider {

	/** The server's introspection provider, wrapped; any other as it is. */
	static AuthenticationProvider of(AuthenticationProvider provider) {
		return (provider instanceof OAuth2TokenIntrospectionAuthenticationProvider) ? new PartnerIntrospection(provider)
				: provider;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		Authentication result = this.server.authenticate(authentication);
		if (result instanceof OAuth2TokenIntrospectionAuthenticationToken introspected
				&& introspected.getTokenClaims().isActive()
				&& introspected.getPrincipal() instanceof OAuth2ClientAuthenticationToken caller
				&& (caller.getRegisteredClient() == null || !caller.getRegisteredClient()
					.getClientId()
					.equals(introspected.getTokenClaims().getClientId()))) {
			return new OAuth2TokenIntrospectionAuthenticationToken(introspected.getToken(), caller,
					OAuth2TokenIntrospection.builder().build());
		}
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.server.supports(authentication);
	}

}
