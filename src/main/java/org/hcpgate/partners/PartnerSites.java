package org.hcpgate.partners;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hcpgate.zones.ZoneService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * The partners an administrator registered: the one door for the staff page, the REST API
 * and the demo set-up. A partner is an OAuth 2.0 confidential client (authorization code
 * with PKCE, refresh tokens; its secret kept as a keyed hash, {@link PartnerSecrets}) and
 * HCP Gate's own record of it ({@link PartnerSite}).
 */
@Service
public class PartnerSites {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final PartnerSiteRepository sites;

	private final RegisteredClientRepository clients;

	private final PasswordEncoder passwords;

	private final ZoneService zones;

	private final PartnerSettings settings;

	private final PartnerConsents consents;

	PartnerSites(PartnerSiteRepository sites, RegisteredClientRepository clients, PartnerSecrets secrets,
			ZoneService zones, PartnerSettings settings, PartnerConsents consents) {
		this.consents = consents;
		this.sites = sites;
		this.clients = clients;
		this.passwords = secrets.encoder();
		this.zones = zones;
		this.settings = settings;
	}

	@Transactional(readOnly = true)
	public List<PartnerSite> all() {
		return this.sites.findAllByOrderByName();
	}

	@Transactional(readOnly = true)
	public Optional<PartnerSite> find(String clientId) {
		return this.sites.findById(clientId);
	}

	/** The partner as its form shows it. */
	@Transactional(readOnly = true)
	public Optional<PartnerForm> form(String clientId) {
		return this.sites.findById(clientId).map(site -> {
			RegisteredClient client = this.clients.findByClientId(clientId);
			PartnerForm form = new PartnerForm();
			form.setClientId(clientId);
			form.setName(site.getName());
			form.setRedirectUris(List.copyOf(client.getRedirectUris()));
			form.setScopes(client.getScopes());
			form.setZoneKeys(site.getZoneKeys());
			form.setNeedsVerifiedHcp(site.isNeedsVerifiedHcp());
			form.setJourneyZoneKey(site.getJourneyZoneKey());
			form.setActive(site.isActive());
			return form;
		});
	}

	/**
	 * What a form's fields cannot say alone: redirect URIs absolute without a fragment
	 * (plain http for loopback only), known scopes with {@code openid}, known zones, a
	 * journey zone for a partner that needs a verified HCP.
	 */
	public void validate(PartnerForm form, Errors errors) {
		if (form.getRedirectUris().isEmpty()) {
			errors.rejectValue("redirectUris", "partners.redirect-uris.missing");
		}
		for (String uri : form.getRedirectUris()) {
			if (!acceptableRedirect(uri)) {
				errors.rejectValue("redirectUris", "partners.redirect-uris.invalid", new Object[] { uri }, null);
				break;
			}
		}
		if (!form.getScopes().contains(PartnerScope.OPENID.value())) {
			errors.rejectValue("scopes", "partners.scopes.openid");
		}
		form.getScopes()
			.stream()
			.filter(scope -> PartnerScope.of(scope).isEmpty())
			.findFirst()
			.ifPresent(
					unknown -> errors.rejectValue("scopes", "partners.scopes.unknown", new Object[] { unknown }, null));
		form.getZoneKeys()
			.stream()
			.filter(zone -> this.zones.find(zone).isEmpty())
			.findFirst()
			.ifPresent(unknown -> errors.rejectValue("zoneKeys", "partners.zones.unknown", new Object[] { unknown },
					null));
		if (form.isNeedsVerifiedHcp() && form.getJourneyZoneKey() == null) {
			errors.rejectValue("journeyZoneKey", "partners.journey-zone.missing");
		}
		else if (form.getJourneyZoneKey() != null && this.zones.find(form.getJourneyZoneKey()).isEmpty()) {
			errors.rejectValue("journeyZoneKey", "partners.zones.unknown", new Object[] { form.getJourneyZoneKey() },
					null);
		}
	}

	/**
	 * Registers a new partner or changes one (a validated form).
	 * @return the new client secret, in clear, for a new partner: shown once, kept only
	 * as a hash
	 */
	@Transactional
	public Optional<String> save(PartnerForm form, String changedBy) {
		return save(form, changedBy, null);
	}

	/**
	 * As {@link #save(PartnerForm, String)}, with a given secret (the demo partner's).
	 */
	@Transactional
	public Optional<String> save(PartnerForm form, String changedBy, String givenSecret) {
		RegisteredClient existing = this.clients.findByClientId(form.getClientId());
		String secret = (existing == null) ? ((givenSecret != null) ? givenSecret : newSecret()) : null;
		String secretHash = (existing == null) ? this.passwords.encode(secret) : existing.getClientSecret();
		// asking for more, or sending readers' data to another address, is asked again
		boolean askedForMore = existing != null && (!existing.getScopes().containsAll(form.getScopes())
				|| !PartnerFormTargets.origins(existing.getRedirectUris())
					.equals(PartnerFormTargets.origins(form.getRedirectUris())));
		boolean scopesRemoved = existing != null && !form.getScopes().containsAll(existing.getScopes());
		this.clients
			.save(client(form, secretHash, (existing != null) ? existing.getClientIdIssuedAt() : Instant.now()));
		PartnerSite site = this.sites.findForChange(form.getClientId()).orElse(null);
		boolean created = site == null;
		if (created) {
			site = new PartnerSite(form.getClientId());
		}
		int version = site.getConsentVersion();
		site.change(form.getName().strip(), form.isNeedsVerifiedHcp(), form.getJourneyZoneKey(), form.getZoneKeys(),
				form.isActive(), askedForMore, changedBy);
		if (created) {
			this.sites.save(site);
		}
		else if (site.getConsentVersion() != version || scopesRemoved || !site.isActive()) {
			// codes, tokens and consent pages in flight were given for what the partner
			// was; none outlives the change
			this.consents.revokeAllOf(site.getClientId());
		}
		return Optional.ofNullable(secret);
	}

	/**
	 * A new secret for a partner (the old one stops working now).
	 * @return the secret in clear, shown once
	 */
	@Transactional
	public Optional<String> newSecret(String clientId) {
		RegisteredClient client = this.clients.findByClientId(clientId);
		if (client == null) {
			return Optional.empty();
		}
		String secret = newSecret();
		this.clients.save(RegisteredClient.from(client).clientSecret(this.passwords.encode(secret)).build());
		return Optional.of(secret);
	}

	private RegisteredClient client(PartnerForm form, String secretHash, Instant issuedAt) {
		Set<String> scopes = new LinkedHashSet<>(form.getScopes());
		return RegisteredClient.withId(form.getClientId())
			.clientId(form.getClientId())
			.clientIdIssuedAt(issuedAt)
			.clientSecret(secretHash)
			.clientName(form.getName().strip())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
			.redirectUris(uris -> uris.addAll(form.getRedirectUris()))
			.scopes(all -> all.addAll(scopes))
			.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(true).build())
			.tokenSettings(tokenSettings(this.settings))
			.build();
	}

	/** Every partner's tokens: as configured now; refresh tokens used once each. */
	static TokenSettings tokenSettings(PartnerSettings settings) {
		return TokenSettings.builder()
			.accessTokenTimeToLive(settings.accessTokenLifetime())
			.refreshTokenTimeToLive(settings.refreshTokenLifetime())
			.reuseRefreshTokens(false)
			.build();
	}

	private static boolean acceptableRedirect(String value) {
		try {
			URI uri = new URI(value);
			if (!uri.isAbsolute() || uri.getFragment() != null || uri.getHost() == null) {
				return false;
			}
			return "https".equals(uri.getScheme()) || ("http".equals(uri.getScheme())
					&& ("127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost())));
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
