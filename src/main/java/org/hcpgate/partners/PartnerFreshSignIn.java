package org.hcpgate.partners;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.hcpgate.readers.Reader;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * {@code prompt=login} and {@code max_age}: a partner that asks for them gets a reader
 * who signed in again for its request, or within {@code max_age} seconds. A reader signed
 * in before is signed out (the session ends) and sent through the site's sign-in page;
 * the new session remembers the very request (its query: the partner's {@code state},
 * nonce and PKCE challenge) that asked, so that the same request after the new sign-in
 * goes on and does not ask again. The time of a sign-in is its session's start (see
 * {@code fresh}; {@link PartnerSessions} gives it as {@code auth_time}).
 */
@Component
class PartnerFreshSignIn {

	/** The authorization request that made the reader sign in again (its query). */
	static final String ASKED_BY = PartnerFreshSignIn.class.getName() + ".askedBy";

	private static final String AUTHORIZE = "/oauth2/authorize";

	/** The filter in front of the authorization endpoint. */
	OncePerRequestFilter filter() {
		return new Filter();
	}

	private static final class Filter extends OncePerRequestFilter {

		private final SecurityContextLogoutHandler signOut = new SecurityContextLogoutHandler();

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			// the authorization request itself, not the consent page's answer
			return !AUTHORIZE.equals(request.getRequestURI().substring(request.getContextPath().length()))
					|| request.getParameter("response_type") == null;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String prompt = request.getParameter("prompt");
			boolean login = prompt != null && List.of(prompt.split(" ")).contains("login");
			Long maxAge = seconds(request.getParameter("max_age"));
			if (!login && maxAge == null) {
				chain.doFilter(request, response);
				return;
			}
			String query = withoutContinue(request.getQueryString());
			HttpSession session = request.getSession(false);
			Authentication current = SecurityContextHolder.getContext().getAuthentication();
			if (current != null && current.isAuthenticated() && current.getPrincipal() instanceof Reader) {
				if (session != null
						&& (query.equals(session.getAttribute(ASKED_BY)) || (!login && fresh(session, maxAge)))) {
					// signed in again for this very request (the session that asked was
					// not signed in), or recently enough
					session.removeAttribute(ASKED_BY);
					chain.doFilter(request, response);
					return;
				}
				this.signOut.logout(request, response, current);
			}
			// not signed in (any more): the server sends the reader to sign in, and the
			// request comes back here in this session
			request.getSession(true).setAttribute(ASKED_BY, query);
			chain.doFilter(request, response);
		}

		/**
		 * Whether the reader signed in no longer than {@code maxAge} seconds ago, by the
		 * session's start: a sign-in keeps its session (under a new id), and the site's
		 * session starts at the latest on its sign-in page, so the start is never later
		 * than the sign-in (a sign-in is taken as older than it is, never as younger).
		 */
		private static boolean fresh(HttpSession session, long maxAge) {
			return !Instant.ofEpochMilli(session.getCreationTime())
				.plus(Duration.ofSeconds(maxAge))
				.isBefore(Instant.now());
		}

		/**
		 * The request's query as the partner sent it: the saved request the sign-in page
		 * returns to adds {@code continue}.
		 */
		private static String withoutContinue(String query) {
			return Arrays.stream(Objects.toString(query, "").split("&"))
				.filter(part -> !part.equals("continue") && !part.startsWith("continue="))
				.collect(Collectors.joining("&"));
		}

		private static Long seconds(String value) {
			try {
				return (value == null) ? null : Math.max(0, Long.parseLong(value.strip()));
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}

	}

}
