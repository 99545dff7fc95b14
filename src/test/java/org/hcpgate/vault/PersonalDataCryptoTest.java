package org.hcpgate.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** Keys from configuration only; a ciphertext opens only in its own context. */
class PersonalDataCryptoTest {

	@TempDir
	Path directory;

	@Test
	void withoutKeysOnlyTheDemoStarts() throws Exception {
		MockEnvironment production = new MockEnvironment();
		production.setActiveProfiles("postgres");
		assertThatThrownBy(() -> new PersonalDataCrypto(production)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("hcp-gate.crypto.keyset")
			.hasMessageContaining("must be set");
		assertThat(new PersonalDataCrypto(demoEnvironment(null)).encrypt("x", "c")).isNotBlank();
	}

	@Test
	void configuredKeysAreUsedAndRoundTrip() throws Exception {
		Map<String, String> keysets = PersonalDataCrypto.newKeysets();
		MockEnvironment configured = new MockEnvironment()
			.withProperty(PersonalDataCrypto.KEYSET, keysets.get(PersonalDataCrypto.KEYSET))
			.withProperty(PersonalDataCrypto.HASH_KEYSET, keysets.get(PersonalDataCrypto.HASH_KEYSET));
		PersonalDataCrypto one = new PersonalDataCrypto(configured);
		PersonalDataCrypto same = new PersonalDataCrypto(configured);
		String ciphertext = one.encrypt("110108199001", "reader=7");
		assertThat(ciphertext).doesNotContain("110108199001");
		assertThat(same.decrypt(ciphertext, "reader=7")).isEqualTo("110108199001");
		assertThat(one.encrypt("110108199001", "reader=7")).as("randomised").isNotEqualTo(ciphertext);
		assertThatThrownBy(() -> same.decrypt(ciphertext, "reader=8")).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> PersonalDataCrypto.withNewKeys().decrypt(ciphertext, "reader=7"))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void theKeyedHashFindsTheSameNumberHoweverItIsTyped() {
		PersonalDataCrypto crypto = PersonalDataCrypto.withNewKeys();
		assertThat(crypto.hash(" ab-12 34 ", "licence")).isEqualTo(crypto.hash("AB-1234", "licence"))
			.isEqualTo(crypto.hash("ＡＢ-1234", "licence"))
			.isNotEqualTo(crypto.hash("AB-1235", "licence"))
			.isNotEqualTo(crypto.hash("AB-1234", "other-purpose"))
			.isNotEqualTo(PersonalDataCrypto.withNewKeys().hash("AB-1234", "licence"));
	}

	@Test
	void theDemoKeepsItsGeneratedKeysForTheNextStart() throws Exception {
		Path file = this.directory.resolve("demo-keysets.json");
		String ciphertext = new PersonalDataCrypto(demoEnvironment(file.toString())).encrypt("secret", "c");
		assertThat(Files.exists(file)).isTrue();
		assertThat(new PersonalDataCrypto(demoEnvironment(file.toString())).decrypt(ciphertext, "c"))
			.isEqualTo("secret");
	}

	private static MockEnvironment demoEnvironment(String file) {
		MockEnvironment demo = new MockEnvironment();
		demo.setActiveProfiles("demo");
		if (file != null) {
			demo.setProperty(PersonalDataCrypto.DEMO_KEYSET_FILE, file);
		}
		return demo;
	}

}
