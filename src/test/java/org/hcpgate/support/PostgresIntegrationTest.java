package org.hcpgate.support;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run the whole application (web layer, engine, job executor) on a
 * real PostgreSQL, with the demo data asked for. All subclasses share one application
 * context and one database (two contexts cannot run at once: each embeds the engine
 * "default"), so subclasses add no annotation that changes the context; each test uses
 * readers of its own.
 */
@AutoConfigureMockMvc
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "postgres", "demo" })
@Import(CountedTransactions.class)
public abstract class PostgresIntegrationTest {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.register(registry);
		registry.add("hcp-gate.storage.directory", () -> "target/test-uploads");
		registry.add("hcp-gate.crypto.demo-keyset-file", () -> "target/test-keysets.json");
		// decision e-mails go to a real SMTP server in this JVM
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", TestMail::port);
		// the test's own mail server logs each new mailbox's address: not the
		// application's log,
		// which the erasure tests search for the reader's data
		registry.add("logging.level.com.icegreen.greenmail", () -> "WARN");
	}

}
