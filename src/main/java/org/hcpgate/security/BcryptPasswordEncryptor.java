package org.hcpgate.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Staff passwords (Camunda users) hashed with BCrypt from Spring Security instead of
 * Camunda's single round of salted SHA-512, which a stolen table gives up at billions of
 * guesses a second. Stored as {@code {BCRYPT}...}; hashes written before keep working
 * (Camunda still checks {@code {SHA-512}}) until the password is next changed.
 * <p>
 * BCrypt reads at most 72 bytes, and Camunda appends a 24-character salt to the password:
 * the salted password is first digested with SHA-256 (44 characters in Base64), so that
 * every byte of any password counts and none is refused.
 */
class BcryptPasswordEncryptor implements PasswordEncryptor {

	static final String ALGORITHM = "BCRYPT";

	private final BCryptPasswordEncoder bcrypt;

	BcryptPasswordEncryptor(int strength) {
		this.bcrypt = new BCryptPasswordEncoder(strength);
	}

	@Override
	public String encrypt(String password) {
		return this.bcrypt.encode(digest(password));
	}

	@Override
	public boolean check(String password, String encrypted) {
		return this.bcrypt.matches(digest(password), encrypted);
	}

	@Override
	public String hashAlgorithmName() {
		return ALGORITHM;
	}

	private static String digest(String password) {
		try {
			return Base64.getEncoder()
				.encodeToString(MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
