package org.hcpgate.partners;

import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.hcpgate.readers.Reader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.jackson2.SecurityJackson2Modules;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.jackson2.OAuth2AuthorizationServerJackson2Module;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * HCP Gate as an OpenID Connect provider (Spring Authorization Server): discovery at
 * {@code /.well-known/openid-configuration}, {@code /oauth2/authorize},
 * {@code /oauth2/token}, {@code /oauth2/jwks}, {@code /userinfo}, {@code /oauth2/revoke},
 * {@code /oauth2/introspect}. Clients, authorizations and the partners' consents are in
 * the database and the signing keys in configuration, so any node answers any step.
 * Readers sign in on the site's own page; the consent page is the site's
 * ({@code /partners/consent}).
 */
@Configuration(proxyBeanMethods = false)
class PartnerSignInSecurity {

	@Bean
	@Order(0)
	SecurityFilterChain partnerSignInChain(HttpSecurity http, PartnerAuthorizationChecks checks,
			PartnerAuthorizationResponses responses, PartnerTokens tokens, PartnerSecrets secrets,
			PartnerFreshSignIn freshSignIn) throws Exception {
		OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
		return http.securityMatcher(server.getEndpointsMatcher())
			.with(server, provider -> provider
				// client secrets: a keyed hash, not the site's BCrypt (PartnerSecrets)
				.clientAuthentication(clients -> clients.authenticationProviders(all -> all.stream()
					.filter(ClientSecretAuthenticationProvider.class::isInstance)
					.map(ClientSecretAuthenticationProvider.class::cast)
					.forEach(secretChecks -> secretChecks.setPasswordEncoder(secrets.encoder()))))
				// a partner introspects its own tokens only
				.tokenIntrospectionEndpoint(introspection -> introspection
					.authenticationProviders(all -> all.replaceAll(PartnerIntrospection::of)))
				.authorizationEndpoint(authorize -> authorize.consentPage(PartnerController.CONSENT_PAGE)
					.authenticationProviders(checks::configure)
					.authorizationResponseHandler(responses::codeIssued)
					.errorResponseHandler(responses::refused))
				.oidc(oidc -> oidc.userInfoEndpoint(userInfo -> userInfo.userInfoMapper(tokens::userInfo))))
			// prompt=login and max_age: the reader signs in again first
			.addFilterBefore(freshSignIn.filter(), AbstractPreAuthenticatedProcessingFilter.class)
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			// the user-info endpoint takes the partner's access token
			.oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> {
			}))
			// a reader's browser is sent to the site's sign-in page
			.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
					new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
			.build();
	}

	/**
	 * Partners in the database, read with the token lifetimes configured now (a shorter
	 * lifetime applies to every partner at the next start, not only to those saved
	 * since).
	 */
	@Bean
	RegisteredClientRepository registeredClients(JdbcTemplate jdbc, PartnerSettings settings) {
		JdbcRegisteredClientRepository stored = new JdbcRegisteredClientRepository(jdbc);
		return new RegisteredClientRepository() {

			@Override
			public void save(RegisteredClient client) {
				stored.save(client);
			}

			@Override
			public RegisteredClient findById(String id) {
				return current(stored.findById(id));
			}

			@Override
			public RegisteredClient findByClientId(String clientId) {
				return current(stored.findByClientId(clientId));
			}

			private RegisteredClient current(RegisteredClient client) {
				return (client == null) ? null
						: RegisteredClient.from(client).tokenSettings(PartnerSites.tokenSettings(settings)).build();
			}

		};
	}

	/** The readers' sessions, as the server names them in ID tokens. */
	@Bean
	<S extends Session> SessionRegistry partnerSessionRegistry(FindByIndexNameSessionRepository<S> sessions) {
		return new PartnerSessions<>(sessions);
	}

	/**
	 * Authorizations in the database. The signed-in reader is kept in them as JSON; the
	 * server reads back only classes it was told about ({@link ReaderJson}).
	 */
	@Bean
	OAuth2AuthorizationService authorizations(JdbcTemplate jdbc, RegisteredClientRepository clients) {
		ObjectMapper json = new ObjectMapper();
		ClassLoader loader = JdbcOAuth2AuthorizationService.class.getClassLoader();
		json.registerModules(SecurityJackson2Modules.getModules(loader));
		json.registerModule(new OAuth2AuthorizationServerJackson2Module());
		json.addMixIn(Reader.class, ReaderJson.class);
		// a time claim of the ID token (hcp_verified_until, seconds) is kept as a Long
		json.addMixIn(Long.class, PlainLong.class);
		JdbcOAuth2AuthorizationService authorizations = new JdbcOAuth2AuthorizationService(jdbc, clients);
		JdbcOAuth2AuthorizationService.OAuth2AuthorizationRowMapper rows = new JdbcOAuth2AuthorizationService.OAuth2AuthorizationRowMapper(
				clients);
		rows.setObjectMapper(json);
		JdbcOAuth2AuthorizationService.OAuth2AuthorizationParametersMapper parameters = new JdbcOAuth2AuthorizationService.OAuth2AuthorizationParametersMapper();
		parameters.setObjectMapper(json);
		authorizations.setAuthorizationRowMapper(rows);
		authorizations.setAuthorizationParametersMapper(parameters);
		return authorizations;
	}

	/** Long is safe to read back: a mix-in tells the server's reader so. */
	abstract static class PlainLong {

	}

	@Bean
	JWKSource<SecurityContext> partnerSigningKeys(PartnerSettings settings, Environment environment) {
		return SigningKeys.source(SigningKeys.load(settings, environment));
	}

	@Bean
	JwtDecoder partnerTokenDecoder(JWKSource<SecurityContext> keys) {
		return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(PartnerSettings settings, Environment environment) {
		AuthorizationServerSettings.Builder builder = AuthorizationServerSettings.builder();
		issuer(settings, environment).ifPresent(builder::issuer);
		return builder.build();
	}

	/**
	 * The issuer: {@code hcp-gate.partners.issuer}, else the site's address
	 * ({@code hcp-gate.site-url}); only the demo takes each request's own address (it
	 * runs wherever it is started). Never the {@code Host} header of a production
	 * request: the discovery document and every token would name whatever host a caller
	 * sent.
	 */
	static Optional<String> issuer(PartnerSettings settings, Environment environment) {
		if (!settings.issuer().isBlank()) {
			return Optional.of(settings.issuer());
		}
		if (environment.acceptsProfiles(Profiles.of("demo"))) {
			return Optional.empty();
		}
		return Optional.of(environment.getProperty("hcp-gate.site-url", "http://localhost:8080"));
	}

	/**
	 * The tokens: JWTs (ID and access tokens) with the partners' claims
	 * ({@link PartnerTokens#customize}), and refresh tokens rotated within the chain's
	 * absolute lifetime ({@link PartnerRefreshTokens}).
	 */
	@Bean
	OAuth2TokenGenerator<OAuth2Token> partnerTokenGenerator(JWKSource<SecurityContext> keys, PartnerTokens tokens,
			PartnerSettings settings) {
		JwtGenerator jwt = new JwtGenerator(new NimbusJwtEncoder(keys));
		jwt.setJwtCustomizer(tokens::customize);
		return new DelegatingOAuth2TokenGenerator(jwt, new PartnerRefreshTokens(settings.refreshTokenChainLifetime()));
	}

}
