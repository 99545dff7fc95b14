package org.hcpgate.system;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

import org.hcpgate.security.LocalPaths;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What the layout needs on every page: the link that switches the language (back to the
 * same page, also when the page answered a POST), and the sign-in link that returns to
 * it.
 */
@ControllerAdvice(annotations = Controller.class)
class SiteModel {

	/** Pages a sign-in should not return to. */
	private static final Set<String> NO_RETURN = Set.of("/login", "/register", "/error", "/logout");

	@ModelAttribute("switchLocaleUrl")
	String switchLocaleUrl(HttpServletRequest request) {
		Locale current = LocaleContextHolder.getLocale();
		String other = "en".equals(current.getLanguage()) ? "zh_CN" : "en";
		try {
			return UriComponentsBuilder.fromUriString(pageUrl(request))
				.replaceQueryParam("lang", other)
				.build(true)
				.toUriString();
		}
		catch (IllegalArgumentException oddQuery) {
			return "/?lang=" + other;
		}
	}

	@ModelAttribute("signInUrl")
	String signInUrl(HttpServletRequest request) {
		String page = pageUrl(request);
		String path = UriComponentsBuilder.fromUriString(page).build().getPath();
		if (NO_RETURN.contains(path) || "/".equals(path)) {
			return "/login";
		}
		return UriComponentsBuilder.fromPath("/account/sign-in").queryParam("next", page).encode().toUriString();
	}

	/**
	 * The page the reader is looking at, as a local path with its query: for a GET the
	 * request itself; for a form that came back with errors (a POST) the page that sent
	 * it.
	 */
	static String pageUrl(HttpServletRequest request) {
		if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) != null) {
			return "/";
		}
		if (HttpMethod.GET.matches(request.getMethod())) {
			String query = request.getQueryString();
			return LocalPaths.of(request.getRequestURI() + ((query != null) ? "?" + query : ""));
		}
		String referer = request.getHeader("Referer");
		if (referer != null) {
			try {
				URI uri = URI.create(referer);
				if (uri.getHost() == null || uri.getHost().equals(request.getServerName())) {
					return LocalPaths
						.of(uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : ""));
				}
			}
			catch (IllegalArgumentException malformed) {
				// fall through to home
			}
		}
		return "/";
	}

}
