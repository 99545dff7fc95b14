package org.hcpgate.partners;

import java.security.Principal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.hcpgate.readers.Reader;
import org.hcpgate.verification.HcpVerificationService;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.stereotype.Component;

/** The claims of partners' tokens and of the user-info endpoint. */
@Component
class PartnerTokens {

	private static final String SID = "sid";

	private static final String MAX_AGE = "max_age";

	private final PartnerSiteRepository sites;

	private final PartnerConsents consents;

	private final PartnerClaims claims;

	private final RegisteredClientRepository clients;

	private final HcpVerificationService verifications;

	PartnerTokens(PartnerSiteRepository sites, PartnerConsents consents, PartnerClaims claims,
			RegisteredClientRepository clients, HcpVerificationService verifications) {
		this.clients = clients;
		this.verifications = verifications;
		this.sites = sites;
		this.consents = consents;
		this.claims = claims;
	}

	/**
	 * Every token's subject is the partner's own for the reader (never the user name);
	 * the ID token carries the claims the reader agreed to. No token is made for a
	 * partner made inactive, a consent no longer in force, or a reader no longer verified
	 * for a partner that needs a verified HCP (a refresh fails: an expiry publishes
	 * nothing, so it is asked here).
	 */
	void customize(JwtEncodingContext context) {
		Authentication principal = context.getPrincipal();
		if (!(principal.getPrincipal() instanceof Reader reader)) {
			return;
		}
		PartnerConsent consent = inForce(reader, context.getRegisteredClient().getClientId(),
				OAuth2ErrorCodes.INVALID_GRANT);
		PartnerSite site = this.sites.findById(consent.getClientId()).orElseThrow();
		verifiedIfNeeded(reader, site, OAuth2ErrorCodes.INVALID_GRANT);
		context.getClaims().subject(this.claims.subject(reader.getReaderId(), site.getClientId()));
		if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
			if (AuthorizationGrantType.AUTHORIZATION_CODE.equals(context.getAuthorizationGrantType())) {
				// a refresh copies both from the ID token made here
				unlinkable(context, site.getClientId());
			}
			this.claims
				.claims(reader.getReaderId(), site,
						agreed(context.getAuthorizedScopes(), consent, context.getRegisteredClient()))
				.forEach((name, value) -> context.getClaims().claim(name, value));
		}
	}

	/**
	 * Nothing in an ID token is the same for two partners of one sign-in: {@code sid} is
	 * the partner's own ({@link PartnerClaims#session}); {@code auth_time} (the reader's
	 * sign-in, {@link PartnerSessions}: the same for every partner of the session) is
	 * left out unless the partner asked with {@code max_age}, as OpenID Connect requires
	 * it then, and given to the minute (rounded down: never younger than it is).
	 */
	private void unlinkable(JwtEncodingContext context, String clientId) {
		boolean maxAgeAsked = Optional.ofNullable(context.getAuthorization())
			.map(authorization -> authorization
				.<OAuth2AuthorizationRequest>getAttribute(OAuth2AuthorizationRequest.class.getName()))
			.map(request -> request.getAdditionalParameters().get(MAX_AGE))
			.isPresent();
		context.getClaims().claims(claims -> {
			if (claims.get(SID) instanceof String sid) {
				claims.put(SID, this.claims.session(sid, clientId));
			}
			Object authTime = claims.remove(IdTokenClaimNames.AUTH_TIME);
			if (maxAgeAsked && authTime != null) {
				claims.put(IdTokenClaimNames.AUTH_TIME, toTheMinute(authTime));
			}
		});
	}

	private static Object toTheMinute(Object time) {
		if (time instanceof Date date) {
			return Date.from(date.toInstant().truncatedTo(ChronoUnit.MINUTES));
		}
		if (time instanceof Instant instant) {
			return instant.truncatedTo(ChronoUnit.MINUTES);
		}
		return time;
	}

	OidcUserInfo userInfo(OidcUserInfoAuthenticationContext context) {
		OAuth2Authorization authorization = context.getAuthorization();
		Authentication principal = authorization.getAttribute(Principal.class.getName());
		if (principal == null || !(principal.getPrincipal() instanceof Reader reader)) {
			throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_TOKEN);
		}
		PartnerConsent consent = inForce(reader, authorization.getRegisteredClientId(), OAuth2ErrorCodes.INVALID_TOKEN);
		PartnerSite site = this.sites.findById(consent.getClientId()).orElseThrow();
		verifiedIfNeeded(reader, site, OAuth2ErrorCodes.INVALID_TOKEN);
		RegisteredClient client = this.clients.findById(authorization.getRegisteredClientId());
		return new OidcUserInfo(this.claims.claims(reader.getReaderId(), site,
				agreed(context.getAccessToken().getScopes(), consent, client)));
	}

	private PartnerConsent inForce(Reader reader, String clientId, String errorCode) {
		PartnerSite site = this.sites.findById(clientId).orElse(null);
		return Optional.ofNullable(site)
			.filter(PartnerSite::isActive)
			.flatMap(active -> this.consents.inForce(reader.getReaderId(), active))
			.orElseThrow(() -> new OAuth2AuthenticationException(
					new OAuth2Error(errorCode, "No consent of the reader to this partner is in force", null)));
	}

	/**
	 * A partner that needs a verified HCP gets nothing more for a reader who is not
	 * verified now (expired since the sign-in; a revocation has ended the tokens
	 * already).
	 */
	private void verifiedIfNeeded(Reader reader, PartnerSite site, String errorCode) {
		if (site.isNeedsVerifiedHcp() && !this.verifications.isVerified(reader.getReaderId())) {
			throw new OAuth2AuthenticationException(
					new OAuth2Error(errorCode, "The reader is no longer a verified healthcare professional", null));
		}
	}

	/**
	 * What a token may still tell: its scopes, as far as the consent in force and the
	 * partner's registration now allow (a scope an administrator took away, or one the
	 * reader's newer agreement left out, tells nothing).
	 */
	private static Set<String> agreed(Set<String> tokenScopes, PartnerConsent consent, RegisteredClient client) {
		Set<String> scopes = new HashSet<>(tokenScopes);
		scopes.retainAll(consent.getScopes());
		scopes.retainAll((client != null) ? client.getScopes() : Set.of());
		return scopes;
	}

}
