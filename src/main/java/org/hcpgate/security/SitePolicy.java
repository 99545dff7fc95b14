package org.hcpgate.security;

import java.util.Collection;

/**
 * The site's Content Security Policy: its own scripts, styles and images only (no inline
 * script or style anywhere), forms posting to the site, framing by the site itself (staff
 * views may be embedded in Tasklist's forms on the same origin).
 */
public final class SitePolicy {

	public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'self'";

	private SitePolicy() {
	}

	/**
	 * The policy for a page whose form ends in a redirect to other origins (browsers
	 * apply {@code form-action} to the redirects after a form is sent): those origins, no
	 * more.
	 */
	public static String withFormTargets(Collection<String> origins) {
		return origins.isEmpty() ? CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY.replace("form-action 'self'",
				"form-action 'self' " + String.join(" ", origins));
	}

}
