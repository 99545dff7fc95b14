package org.hcpgate.support;

import org.hcpgate.vault.PersonalDataCrypto;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the repository tests: a {@code @DataJpaTest} slice (JPA and Flyway, no engine,
 * no web layer) on the same real PostgreSQL as {@link PostgresIntegrationTest}, never an
 * embedded database. Each test runs in a transaction that is rolled back.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(PersonalDataCrypto.class)
@ActiveProfiles("demo")
public abstract class PostgresRepositoryTest {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.registerForRepositories(registry);
		// the licence number's converter encrypts with the same demo keys as the
		// application tests
		registry.add("hcp-gate.crypto.demo-keyset-file", () -> "target/test-keysets.json");
	}

}
