package org.hcpgate.vault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Encryption at rest of personal data (licence numbers, documents, form answers) with
 * Google Tink: AEAD (AES-256-GCM) whose associated data binds a ciphertext to its owner
 * and purpose (a licence number copied to another reader's row does not decrypt), and a
 * keyed hash (HMAC-SHA256) for the lookups that need equality (the same licence number on
 * two readers).
 * <p>
 * Keys come from configuration only, as Tink JSON keysets: {@code hcp-gate.crypto.keyset}
 * (AEAD) and {@code hcp-gate.crypto.hash-keyset} (MAC), e.g. from the environment
 * ({@code HCP_GATE_CRYPTO_KEYSET}, {@code HCP_GATE_CRYPTO_HASH_KEYSET}). Keysets may hold
 * several keys, so keys can be rotated. Without them the application does not start,
 * except in the {@code demo} profile, which generates keys and says so (kept in
 * {@code hcp-gate.crypto.demo-keyset-file} if set, else in memory only).
 * {@link #main(String[])} prints new keysets for an operator.
 */
@Component
public class PersonalDataCrypto {

	static final String KEYSET = "hcp-gate.crypto.keyset";

	static final String HASH_KEYSET = "hcp-gate.crypto.hash-keyset";

	static final String DEMO_KEYSET_FILE = "hcp-gate.crypto.demo-keyset-file";

	private static final Logger log = LoggerFactory.getLogger(PersonalDataCrypto.class);

	private final Aead aead;

	private final Mac mac;

	@Autowired
	PersonalDataCrypto(Environment environment) throws GeneralSecurityException {
		this(keysets(environment));
	}

	private PersonalDataCrypto(Map<String, String> keysets) throws GeneralSecurityException {
		register();
		this.aead = TinkJsonProtoKeysetFormat.parseKeyset(keysets.get(KEYSET), InsecureSecretKeyAccess.get())
			.getPrimitive(RegistryConfiguration.get(), Aead.class);
		this.mac = TinkJsonProtoKeysetFormat.parseKeyset(keysets.get(HASH_KEYSET), InsecureSecretKeyAccess.get())
			.getPrimitive(RegistryConfiguration.get(), Mac.class);
	}

	/** New random keys, gone with the object: for tests. */
	public static PersonalDataCrypto withNewKeys() {
		try {
			return new PersonalDataCrypto(newKeysets());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Encrypts text; {@code context} (e.g. purpose and reader id) must be given again to
	 * decrypt.
	 */
	public String encrypt(String plaintext, String context) {
		return Base64.getEncoder().encodeToString(encrypt(plaintext.getBytes(StandardCharsets.UTF_8), context));
	}

	public String decrypt(String ciphertext, String context) {
		return new String(decrypt(Base64.getDecoder().decode(ciphertext), context), StandardCharsets.UTF_8);
	}

	public byte[] encrypt(byte[] plaintext, String context) {
		try {
			return this.aead.encrypt(plaintext, context.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Encryption failed", ex);
		}
	}

	/**
	 * @throws IllegalStateException when the key or the context does not match
	 */
	public byte[] decrypt(byte[] ciphertext, String context) {
		try {
			return this.aead.decrypt(ciphertext, context.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Decryption failed (wrong key or context)", ex);
		}
	}

	/**
	 * A keyed hash for equality lookups: the same value (ignoring case, width and spaces)
	 * gives the same hash; without the key nobody can test a guess against it.
	 */
	public String hash(String value, String purpose) {
		String normalised = Normalizer.normalize(value, Normalizer.Form.NFKC)
			.replaceAll("\\s+", "")
			.toUpperCase(Locale.ROOT);
		try {
			byte[] tag = this.mac.computeMac((purpose + ":" + normalised).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Hashing failed", ex);
		}
	}

	private static Map<String, String> keysets(Environment environment) throws GeneralSecurityException {
		String keyset = environment.getProperty(KEYSET);
		String hashKeyset = environment.getProperty(HASH_KEYSET);
		if (hasText(keyset) && hasText(hashKeyset)) {
			return Map.of(KEYSET, keyset, HASH_KEYSET, hashKeyset);
		}
		if (!environment.acceptsProfiles(Profiles.of("demo"))) {
			throw new IllegalStateException(KEYSET + " and " + HASH_KEYSET + " must be set (Tink JSON keysets, e.g. "
					+ "environment HCP_GATE_CRYPTO_KEYSET and HCP_GATE_CRYPTO_HASH_KEYSET): personal data is "
					+ "encrypted at rest. New keysets: java -cp <the jar> -Dloader.main="
					+ PersonalDataCrypto.class.getName()
					+ " org.springframework.boot.loader.launch.PropertiesLauncher (see README, Security)");
		}
		return demoKeysets(environment.getProperty(DEMO_KEYSET_FILE));
	}

	/**
	 * Demo only: generated keys, kept beside the demo's H2 database so a restart can
	 * still read.
	 */
	private static Map<String, String> demoKeysets(String file) throws GeneralSecurityException {
		ObjectMapper json = new ObjectMapper();
		try {
			if (hasText(file) && Files.exists(Path.of(file))) {
				JsonNode stored = json.readTree(Files.readString(Path.of(file)));
				log.warn("Demo profile: personal data is encrypted with the generated demo keys in {}; "
						+ "never use them in production", file);
				return Map.of(KEYSET, stored.get(KEYSET).asText(), HASH_KEYSET, stored.get(HASH_KEYSET).asText());
			}
			Map<String, String> generated = newKeysets();
			if (hasText(file)) {
				Path path = Path.of(file).toAbsolutePath();
				Files.createDirectories(path.getParent());
				Files.writeString(path, json.writeValueAsString(generated));
				restrict(path);
				log.warn("Demo profile: generated keys to encrypt personal data, kept in {}; never use them in "
						+ "production (set {} and {})", file, KEYSET, HASH_KEYSET);
			}
			else {
				log.warn("Demo profile: generated ephemeral keys to encrypt personal data (lost at shutdown); "
						+ "set {} and {} to keep data readable", KEYSET, HASH_KEYSET);
			}
			return generated;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Map<String, String> newKeysets() throws GeneralSecurityException {
		register();
		return Map.of(KEYSET,
				TinkJsonProtoKeysetFormat.serializeKeyset(
						KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get()),
				HASH_KEYSET,
				TinkJsonProtoKeysetFormat.serializeKeyset(
						KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG),
						InsecureSecretKeyAccess.get()));
	}

	private static void restrict(Path path) {
		try {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException | IOException notPosix) {
			// Windows: the directory's own permissions apply
		}
	}

	private static void register() throws GeneralSecurityException {
		AeadConfig.register();
		MacConfig.register();
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

	/**
	 * Prints two new keysets as environment variables, for an operator to store as
	 * secrets.
	 */
	public static void main(String[] args) throws GeneralSecurityException {
		Map<String, String> keysets = newKeysets();
		System.out.println("HCP_GATE_CRYPTO_KEYSET='" + keysets.get(KEYSET) + "'");
		System.out.println("HCP_GATE_CRYPTO_HASH_KEYSET='" + keysets.get(HASH_KEYSET) + "'");
	}

}
