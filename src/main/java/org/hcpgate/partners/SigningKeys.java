package org.hcpgate.partners;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * The keys that sign partners' tokens, from configuration only ({@code
 * hcp-gate.partners.signing-keys}, a JWK set of RSA key pairs), so that every node signs
 * with the same key and publishes the same set. The first key signs; the others are only
 * published, so a rotation is: add the new key second, let every node and partner see it,
 * move it first, and remove the old one after the longest token lifetime. Without keys
 * the application does not start, except in the {@code demo} profile, which generates a
 * key and says so. {@link #main(String[])} prints a new key for an operator.
 */
final class SigningKeys {

	static final String PROPERTY = "hcp-gate.partners.signing-keys";

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	private SigningKeys() {
	}

	static JWKSet load(PartnerSettings settings, Environment environment) {
		if (!settings.signingKeys().isBlank()) {
			return parse(settings.signingKeys(), PROPERTY);
		}
		if (!environment.matchesProfiles("demo")) {
			throw new IllegalStateException("Partner sign-in has no signing key: set " + PROPERTY
					+ " (HCP_GATE_PARTNERS_SIGNING_KEYS) to a JWK set of RSA key pairs; "
					+ "java -cp hcp-gate.jar -Dloader.main=org.hcpgate.partners.SigningKeys "
					+ "org.springframework.boot.loader.launch.PropertiesLauncher prints one");
		}
		return demoKeys(settings.demoSigningKeysFile());
	}

	/**
	 * The keys as the server asks for them: all of them for the JWKS endpoint (its
	 * selector names no key type), only the first that fits for signing (a selector made
	 * from a JWS header), so that a second key waits published but unused.
	 */
	static JWKSource<SecurityContext> source(JWKSet keys) {
		return (selector, context) -> {
			List<JWK> matching = selector.select(keys);
			boolean forSigning = selector.getMatcher().getKeyTypes() != null;
			return (forSigning && matching.size() > 1) ? List.of(matching.get(0)) : matching;
		};
	}

	static JWKSet parse(String json, String source) {
		JWKSet keys;
		try {
			keys = JWKSet.parse(json);
		}
		catch (ParseException ex) {
			throw new IllegalStateException(source + " is not a JWK set: " + ex.getMessage());
		}
		if (keys.getKeys().isEmpty()) {
			throw new IllegalStateException(source + " holds no key");
		}
		for (JWK key : keys.getKeys()) {
			if (!(key instanceof RSAKey) || !key.isPrivate() || key.getKeyID() == null) {
				throw new IllegalStateException(
						source + ": every key must be an RSA key pair with a key id (\"kid\"): " + key.getKeyID());
			}
		}
		return keys;
	}

	private static JWKSet demoKeys(String file) {
		if (file.isBlank()) {
			log.warn("Demo profile: partner sign-in signs with a key generated for this run only");
			return new JWKSet(newKey());
		}
		Path path = Path.of(file);
		try {
			if (Files.exists(path)) {
				return parse(Files.readString(path, StandardCharsets.UTF_8), path.toString());
			}
			JWKSet keys = new JWKSet(newKey());
			if (path.toAbsolutePath().getParent() != null) {
				Files.createDirectories(path.toAbsolutePath().getParent());
			}
			Files.writeString(path, keys.toString(false), StandardCharsets.UTF_8);
			log.warn("Demo profile: partner sign-in signs with a generated key, kept in {}", path);
			return keys;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot keep the demo signing key in " + path, ex);
		}
	}

	static RSAKey newKey() {
		try {
			return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString()).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Prints a JWK set with one new key pair, for {@value #PROPERTY}. */
	public static void main(String[] args) {
		System.out.println(new JWKSet(List.of(newKey())).toString(false));
	}

}
