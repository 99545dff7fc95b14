package org.hcpgate.partners;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import org.hcpgate.vault.PersonalDataCrypto;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * How partners' client secrets are kept and checked: a keyed hash (HMAC-SHA256 with the
 * server's hash key, {@code hcp-gate.crypto.hash-keyset}, and a salt of its own),
 * {@code {hmac}…}. A secret is 256 random bits, so a slow hash adds nothing against
 * guessing; it only made every request naming a known client id cost a BCrypt round (the
 * token, introspection and revocation endpoints have no throttle). A secret kept before
 * as {@code {bcrypt}…} still works, and is kept as a keyed hash from its first use on.
 * Not a {@link PasswordEncoder} bean: the readers' and staff's passwords stay BCrypt.
 */
@Component
class PartnerSecrets {

	static final String PREFIX = "{hmac}";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final PersonalDataCrypto crypto;

	private final PasswordEncoder older;

	private final PasswordEncoder encoder = new Encoder();

	PartnerSecrets(PersonalDataCrypto crypto, PasswordEncoder passwords) {
		this.crypto = crypto;
		this.older = passwords;
	}

	/** The encoder for registered clients (saving and checking their secrets). */
	PasswordEncoder encoder() {
		return this.encoder;
	}

	/**
	 * {@code {hmac}<salt>$<keyed hash of salt and secret>}: the salt keeps two partners'
	 * hashes apart even for one secret (the client repository refuses two clients with
	 * the same stored secret).
	 */
	private String hash(CharSequence secret, String salt) {
		// hex: the hash's normalisation (case, spaces) loses nothing of the secret
		String exact = HexFormat.of().formatHex((salt + ":" + secret).getBytes(StandardCharsets.UTF_8));
		return PREFIX + salt + "$" + this.crypto.hash(exact, "partner-client-secret");
	}

	private static String newSalt() {
		byte[] salt = new byte[16];
		RANDOM.nextBytes(salt);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(salt);
	}

	private final class Encoder implements PasswordEncoder {

		@Override
		public String encode(CharSequence secret) {
			return hash(secret, newSalt());
		}

		@Override
		public boolean matches(CharSequence secret, String kept) {
			if (secret == null || kept == null) {
				return false;
			}
			if (kept.startsWith(PREFIX)) {
				int end = kept.indexOf('$', PREFIX.length());
				return end > 0 && MessageDigest.isEqual(
						hash(secret, kept.substring(PREFIX.length(), end)).getBytes(StandardCharsets.US_ASCII),
						kept.getBytes(StandardCharsets.US_ASCII));
			}
			return PartnerSecrets.this.older.matches(secret, kept);
		}

		@Override
		public boolean upgradeEncoding(String kept) {
			return kept != null && !kept.startsWith(PREFIX);
		}

	}

}
