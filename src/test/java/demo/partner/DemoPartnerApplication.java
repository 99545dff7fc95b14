package demo.partner;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.client.servlet.OAuth2ClientWebSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The demo partner site: a tiny Spring Boot application that signs its readers in through
 * HCP Gate with Spring Security's OAuth 2.0 client (authorization code with PKCE, the
 * claims HCP Gate shares), and shows a page for verified healthcare professionals only.
 * It lives with the tests (the browser test starts it beside HCP Gate) and runs on its
 * own as the README says, on http://127.0.0.1:8081 against HCP Gate on
 * http://localhost:8080:
 * {@code ./mvnw spring-boot:test-run -Dspring-boot.run.main-class=demo.partner.DemoPartnerApplication}.
 * It configures itself in code (no application.yml: HCP Gate's is on the same class path)
 * and imports only the auto-configuration it needs.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
		DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
		HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class, ErrorMvcAutoConfiguration.class,
		SecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class, OAuth2ClientAutoConfiguration.class,
		OAuth2ClientWebSecurityAutoConfiguration.class })
@Import(PartnerPages.class)
public class DemoPartnerApplication {

	public static final String CLIENT_ID = "demo-partner";

	public static final String CLIENT_SECRET = "demo-partner-secret";

	public static void main(String[] args) {
		start(System.getProperty("hcp-gate.issuer", "http://localhost:8080"), 8081, CLIENT_ID, CLIENT_SECRET);
	}

	/**
	 * Starts the partner on 127.0.0.1 (port 0: any free one) against HCP Gate's issuer,
	 * as the client HCP Gate registered.
	 */
	public static ConfigurableApplicationContext start(String issuer, int port, String clientId, String clientSecret) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.config.name", "demo-partner");
		properties.put("spring.application.name", "demo-partner");
		properties.put("spring.main.banner-mode", "off");
		properties.put("server.address", "127.0.0.1");
		properties.put("server.port", port);
		properties.put("server.servlet.session.cookie.name", "PARTNER_SESSION");
		String registration = "spring.security.oauth2.client.registration.hcp-gate.";
		properties.put(registration + "provider", "hcp-gate");
		properties.put(registration + "client-id", clientId);
		properties.put(registration + "client-secret", clientSecret);
		properties.put(registration + "authorization-grant-type", "authorization_code");
		properties.put(registration + "redirect-uri", "{baseUrl}/login/oauth2/code/{registrationId}");
		properties.put(registration + "scope", "openid,hcp,profession,zones");
		properties.put("spring.security.oauth2.client.provider.hcp-gate.issuer-uri", issuer);
		return new SpringApplicationBuilder(DemoPartnerApplication.class).properties(properties).run();
	}

	@Bean
	SecurityFilterChain partnerSecurity(HttpSecurity http, ClientRegistrationRepository registrations)
			throws Exception {
		DefaultOAuth2AuthorizationRequestResolver requests = new DefaultOAuth2AuthorizationRequestResolver(
				registrations, "/oauth2/authorization");
		// HCP Gate requires PKCE of every partner, confidential ones included
		requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		return http
			.authorizeHttpRequests(
					authorize -> authorize.requestMatchers("/", "/error").permitAll().anyRequest().authenticated())
			.oauth2Login(
					login -> login.authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(requests))
						.failureHandler(DemoPartnerApplication::signInFailed))
			.logout(logout -> logout.logoutSuccessUrl("/"))
			.build();
	}

	/** A refusal or error from HCP Gate: back home, with the error's code. */
	private static void signInFailed(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException failure) throws IOException {
		String code = (failure instanceof OAuth2AuthenticationException oauth) ? oauth.getError().getErrorCode()
				: "sign_in_failed";
		response.sendRedirect("/?error=" + code);
	}

}
