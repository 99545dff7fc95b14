package org.hcpgate.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A reader's password: at least {@value #MIN_LENGTH} characters (checked with the form),
 * at most {@value #MAX_BYTES} bytes in UTF-8 (all that BCrypt reads: a longer one would
 * be refused by the hash, or cut), not the username, not only digits (a date of birth, a
 * phone number).
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 8;

	static final int MAX_BYTES = 72;

	private PasswordPolicy() {
	}

	/**
	 * @return the message key of what is wrong, or empty when the password is fine
	 */
	static Optional<String> check(String username, String password) {
		if (password == null || password.length() < MIN_LENGTH) {
			return Optional.of("register.password.policy");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return Optional.of("register.password.too-long");
		}
		if (username != null && password.strip().equalsIgnoreCase(username.strip())) {
			return Optional.of("register.password.same-as-username");
		}
		if (password.chars().allMatch(Character::isDigit)) {
			return Optional.of("register.password.digits-only");
		}
		return Optional.empty();
	}

}
