package org.hcpgate.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Readers' sign-in (user name, BCrypt password) behind {@link LoginThrottle}: a locked
 * name is refused before its password is even checked, so guessing on stops counting.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider delegate;

	private final LoginThrottle throttle;

	ThrottledAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle) {
		this.delegate = delegate;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		String address = (authentication.getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : null;
		if (this.throttle.isLocked(username, address)) {
			throw new LockedException("Too many failed sign-ins; try again later");
		}
		try {
			Authentication authenticated = this.delegate.authenticate(authentication);
			this.throttle.succeeded(username);
			return authenticated;
		}
		catch (BadCredentialsException failed) {
			this.throttle.failed(username, address);
			throw failed;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.delegate.supports(authentication);
	}

}
