package org.hcpgate.security;

import org.hcpgate.security.LoginThrottle.Attempt;
import org.hcpgate.security.LoginThrottle.Realm;
import org.hcpgate.security.LoginThrottle.Standing;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Readers' sign-in (user name, BCrypt password) behind {@link LoginThrottle}: while a
 * name must wait, it is refused before its password is even checked, so guessing on gains
 * nothing.
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
		String address = (authentication.getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : null;
		Attempt attempt = new Attempt(Realm.READER, authentication.getName(), address);
		Standing standing = this.throttle.standing(attempt);
		if (standing.mustWait()) {
			throw new LockedException("Too many failed sign-ins; try again later");
		}
		try {
			Authentication authenticated = this.delegate.authenticate(authentication);
			this.throttle.succeeded(attempt, standing);
			return authenticated;
		}
		catch (BadCredentialsException failed) {
			this.throttle.failed(attempt);
			throw failed;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.delegate.supports(authentication);
	}

}
