package org.hcpgate.partners;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.hcpgate.readers.Reader;
import org.hcpgate.verification.HcpVerificationService;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * HCP Gate's rules in the authorization endpoint, after the server's own checks of the
 * client, the redirect URI and the scopes (so nothing below redirects anywhere
 * unchecked):
 * <ul>
 * <li>only a signed-in reader authorizes a partner, and only an active partner asks;</li>
 * <li>a partner that needs a verified HCP gets an unverified reader only after the
 * journey ({@link #VERIFICATION_REQUIRED}, turned into a pending sign-in by
 * {@link PartnerAuthorizationResponses});</li>
 * <li>the reader is asked unless a consent to the partner's current version covers
 * everything asked, {@code openid} alone included;</li>
 * <li>a refusal on the consent page is recorded in the ledger.</li>
 * </ul>
 */
@Component
class PartnerAuthorizationChecks {

	/**
	 * Not a protocol error: the reader is sent into the journey, never to the partner.
	 */
	static final String VERIFICATION_REQUIRED = "hcp_verification_required";

	private final PartnerSiteRepository sites;

	private final HcpVerificationService verifications;

	private final PartnerConsents consents;

	PartnerAuthorizationChecks(PartnerSiteRepository sites, HcpVerificationService verifications,
			PartnerConsents consents) {
		this.sites = sites;
		this.verifications = verifications;
		this.consents = consents;
	}

	/** Sets the rules on the authorization endpoint's providers. */
	void configure(List<AuthenticationProvider> providers) {
		providers.replaceAll(provider -> {
			if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider request) {
				Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> checks = new OAuth2AuthorizationCodeRequestAuthenticationValidator();
				request.setAuthenticationValidator(checks.andThen(this::check));
				request.setAuthorizationConsentRequired(PartnerAuthorizationChecks::consentRequired);
				return request;
			}
			if (provider instanceof OAuth2AuthorizationConsentAuthenticationProvider consent) {
				// 拒绝 sends no scope: a refusal of the whole ask, even where the reader
				// agreed to part of it before (the server would keep that part)
				consent.setAuthorizationConsentCustomizer(decision -> {
					OAuth2AuthorizationConsentAuthenticationToken posted = decision.getAuthentication();
					if (posted.getScopes().isEmpty()) {
						decision.getAuthorizationConsent().authorities(Set::clear);
					}
				});
				return new RefusalsRecorded(consent, this.consents);
			}
			return provider;
		});
	}

	private void check(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
		OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
		Authentication principal = (Authentication) request.getPrincipal();
		if (principal == null || !principal.isAuthenticated() || principal instanceof AnonymousAuthenticationToken) {
			return; // the server sends the visitor to sign in first
		}
		if (!(principal.getPrincipal() instanceof Reader reader)) {
			throw refused(OAuth2ErrorCodes.ACCESS_DENIED, context);
		}
		if (!proofKeyPresent(context)) {
			return; // the server refuses the request itself (invalid_request) right after
		}
		PartnerSite site = this.sites.findById(context.getRegisteredClient().getClientId()).orElse(null);
		if (site == null || !site.isActive()) {
			throw refused(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT, context);
		}
		Object prompt = request.getAdditionalParameters().get("prompt");
		boolean silent = prompt instanceof String value && List.of(value.split(" ")).contains("none");
		if (silent && !this.consents.holds(reader.getReaderId(), site)) {
			// before anything about the reader: a silent answer must not tell a partner
			// the reader never agreed to whether they are verified
			throw refused("consent_required", context);
		}
		if (site.isNeedsVerifiedHcp() && !this.verifications.isVerified(reader.getReaderId())) {
			throw refused(silent ? "interaction_required" : VERIFICATION_REQUIRED, context);
		}
	}

	/**
	 * The server checks PKCE after these rules: a request without it must fail as such,
	 * never hold the reader through a review only to fail then.
	 */
	private static boolean proofKeyPresent(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
		OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
		Map<String, Object> parameters = request.getAdditionalParameters();
		Object challenge = parameters.get(PkceParameterNames.CODE_CHALLENGE);
		Object method = parameters.get(PkceParameterNames.CODE_CHALLENGE_METHOD);
		boolean present = challenge instanceof String value && StringUtils.hasText(value)
				&& (method == null || "S256".equals(method));
		return present || !context.getRegisteredClient().getClientSettings().isRequireProofKey();
	}

	private static boolean consentRequired(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
		OAuth2AuthorizationConsent current = context.getAuthorizationConsent();
		return current == null || !current.getScopes().containsAll(context.getAuthorizationRequest().getScopes());
	}

	/** An error for the partner's validated redirect URI, as the server's own are. */
	private static OAuth2AuthorizationCodeRequestAuthenticationException refused(String code,
			OAuth2AuthorizationCodeRequestAuthenticationContext context) {
		OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
		String redirectUri = StringUtils.hasText(request.getRedirectUri()) ? request.getRedirectUri()
				: context.getRegisteredClient().getRedirectUris().iterator().next();
		OAuth2AuthorizationCodeRequestAuthenticationToken validated = new OAuth2AuthorizationCodeRequestAuthenticationToken(
				request.getAuthorizationUri(), request.getClientId(), (Authentication) request.getPrincipal(),
				redirectUri, request.getState(), request.getScopes(), request.getAdditionalParameters());
		return new OAuth2AuthorizationCodeRequestAuthenticationException(new OAuth2Error(code), validated);
	}

	/**
	 * The consent page's refusal, recorded before the partner hears
	 * {@code access_denied}.
	 */
	private record RefusalsRecorded(AuthenticationProvider delegate,
			PartnerConsents consents) implements AuthenticationProvider {

		@Override
		public Authentication authenticate(Authentication authentication) throws AuthenticationException {
			try {
				return this.delegate.authenticate(authentication);
			}
			catch (OAuth2AuthorizationCodeRequestAuthenticationException ex) {
				if (OAuth2ErrorCodes.ACCESS_DENIED.equals(ex.getError().getErrorCode())
						&& authentication instanceof OAuth2AuthorizationConsentAuthenticationToken consent
						&& consent.getPrincipal() instanceof Authentication reader && reader.isAuthenticated()) {
					this.consents.refuse(reader.getName(), consent.getClientId());
				}
				throw ex;
			}
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return this.delegate.supports(authentication);
		}

	}

}
