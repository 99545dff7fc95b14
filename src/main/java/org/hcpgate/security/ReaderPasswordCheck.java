package org.hcpgate.security;

import org.hcpgate.readers.Reader;
import org.hcpgate.readers.ReaderAccountService;
import org.springframework.stereotype.Component;

/**
 * A signed-in reader confirms an act with the password (deleting the account): counted
 * like a sign-in ({@link LoginThrottle}, the reader's realm), so that a session left open
 * is no password oracle. A wait refuses before the password is looked at.
 */
@Component
public class ReaderPasswordCheck {

	/** How a confirmation went. */
	public enum Outcome {

		CONFIRMED, WRONG, WAIT

	}

	private final LoginThrottle throttle;

	private final ReaderAccountService accounts;

	ReaderPasswordCheck(LoginThrottle throttle, ReaderAccountService accounts) {
		this.throttle = throttle;
		this.accounts = accounts;
	}

	public Outcome confirm(Reader reader, String password, String address) {
		LoginThrottle.Attempt attempt = new LoginThrottle.Attempt(LoginThrottle.Realm.READER, reader.getUsername(),
				address);
		LoginThrottle.Standing standing = this.throttle.standing(attempt);
		if (standing.mustWait()) {
			return Outcome.WAIT;
		}
		if (!this.accounts.passwordMatches(Long.parseLong(reader.getReaderId()), password)) {
			this.throttle.failed(attempt);
			return Outcome.WRONG;
		}
		this.throttle.succeeded(attempt, standing);
		return Outcome.CONFIRMED;
	}

}
