package org.hcpgate.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * One real SMTP server (GreenMail) for the whole test JVM, started on first use on a free
 * port; the shared application context sends its e-mails there
 * ({@link PostgresIntegrationTest}). Tests find their mail by the recipient's address, as
 * readers are unique per test.
 */
public final class TestMail {

	private static GreenMail server;

	private TestMail() {
	}

	public static synchronized GreenMail server() {
		if (server == null) {
			// The test's SMTP server is no part of the application: its own log (the
			// addresses
			// it opens mailboxes for) stays out of the log that the erasure test
			// searches.
			((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("com.icegreen"))
				.setLevel(ch.qos.logback.classic.Level.WARN);
			server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		}
		return server;
	}

	public static int port() {
		return server().getSmtp().getPort();
	}

}
