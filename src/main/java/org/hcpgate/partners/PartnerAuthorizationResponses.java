package org.hcpgate.partners;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.hcpgate.readers.Reader;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What the authorization endpoint answers, where HCP Gate differs from the server's
 * default:
 * <ul>
 * <li>a code issued: to the partner as usual, and the reader's waiting sign-in with that
 * partner is done;</li>
 * <li>{@link PartnerAuthorizationChecks#VERIFICATION_REQUIRED}: the request is remembered
 * and the reader is sent to verify, never to the partner;</li>
 * <li>an error with a redirect URI the server checked: to the partner, as the
 * specification says;</li>
 * <li>an error without one (unknown client, a redirect URI not registered): no redirect
 * at all, a page in the reader's language (status 400).</li>
 * </ul>
 */
@Component
class PartnerAuthorizationResponses {

	/** The request attribute that tells the error page what went wrong. */
	static final String ERROR_ATTRIBUTE = PartnerAuthorizationResponses.class.getName() + ".error";

	private final RedirectStrategy redirects = new DefaultRedirectStrategy();

	private final PendingSignIns pending;

	PartnerAuthorizationResponses(PendingSignIns pending) {
		this.pending = pending;
	}

	void codeIssued(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException {
		OAuth2AuthorizationCodeRequestAuthenticationToken issued = (OAuth2AuthorizationCodeRequestAuthenticationToken) authentication;
		if (issued.getPrincipal() instanceof Authentication signedIn
				&& signedIn.getPrincipal() instanceof Reader reader) {
			this.pending.completed(reader.getReaderId(), issued.getClientId());
		}
		UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(issued.getRedirectUri())
			.queryParam(OAuth2ParameterNames.CODE, issued.getAuthorizationCode().getTokenValue());
		if (StringUtils.hasText(issued.getState())) {
			uri.queryParam(OAuth2ParameterNames.STATE, UriUtils.encode(issued.getState(), StandardCharsets.UTF_8));
		}
		this.redirects.sendRedirect(request, response, uri.build(true).toUriString());
	}

	void refused(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException, ServletException {
		OAuth2AuthorizationCodeRequestAuthenticationException refusal = (OAuth2AuthorizationCodeRequestAuthenticationException) exception;
		OAuth2Error error = refusal.getError();
		OAuth2AuthorizationCodeRequestAuthenticationToken asked = refusal.getAuthorizationCodeRequestAuthentication();
		if (PartnerAuthorizationChecks.VERIFICATION_REQUIRED.equals(error.getErrorCode()) && asked != null
				&& asked.getPrincipal() instanceof Authentication signedIn
				&& signedIn.getPrincipal() instanceof Reader reader) {
			PendingSignIn waiting = this.pending.remember(reader.getReaderId(), asked.getClientId(),
					authorizationQuery(request));
			this.redirects.sendRedirect(request, response, "/partners/verify/" + waiting.getId());
			return;
		}
		if (asked == null || !StringUtils.hasText(asked.getRedirectUri())) {
			request.setAttribute(ERROR_ATTRIBUTE, error.getErrorCode());
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			request.getRequestDispatcher("/partners/error").forward(request, response);
			return;
		}
		if (asked.getPrincipal() instanceof Authentication signedIn
				&& signedIn.getPrincipal() instanceof Reader reader) {
			// the partner hears the end of this sign-in: nothing waits for it any more
			this.pending.completed(reader.getReaderId(), asked.getClientId());
		}
		UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(asked.getRedirectUri())
			.queryParam(OAuth2ParameterNames.ERROR, error.getErrorCode());
		if (StringUtils.hasText(error.getDescription())) {
			uri.queryParam(OAuth2ParameterNames.ERROR_DESCRIPTION,
					UriUtils.encode(error.getDescription(), StandardCharsets.UTF_8));
		}
		if (StringUtils.hasText(asked.getState())) {
			uri.queryParam(OAuth2ParameterNames.STATE, UriUtils.encode(asked.getState(), StandardCharsets.UTF_8));
		}
		this.redirects.sendRedirect(request, response, uri.build(true).toUriString());
	}

	/**
	 * The authorization request as the partner sent it (GET query or POST form), without
	 * the sign-in page's own {@code continue} marker.
	 */
	private static String authorizationQuery(HttpServletRequest request) {
		return request.getParameterMap()
			.entrySet()
			.stream()
			.filter(parameter -> !"continue".equals(parameter.getKey()))
			.flatMap(parameter -> Arrays.stream(parameter.getValue())
				.map(value -> encode(parameter.getKey()) + "=" + encode(value)))
			.collect(Collectors.joining("&"));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
