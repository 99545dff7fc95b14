package org.hcpgate.support;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.awaitility.Awaitility;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

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

	/** The e-mails sent to one address so far, oldest first, as subject and text. */
	public static List<Mail> to(String address) {
		List<Mail> mails = new ArrayList<>();
		for (MimeMessage message : server().getReceivedMessages()) {
			try {
				if (Arrays.stream(message.getRecipients(Message.RecipientType.TO))
					.anyMatch(a -> a.toString().equalsIgnoreCase(address))) {
					mails.add(new Mail(message.getSubject(), String.valueOf(message.getContent())));
				}
			}
			catch (MessagingException | IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return mails;
	}

	/** The first link of this site in the last e-mail to the address (awaited). */
	public static String lastLinkTo(String address) {
		String text = Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> to(address), mails -> !mails.isEmpty())
			.get(to(address).size() - 1)
			.text();
		Matcher link = Pattern.compile("https?://\\S+").matcher(text);
		if (!link.find()) {
			throw new IllegalStateException("No link in: " + text);
		}
		return link.group();
	}

	/** An e-mail as the reader reads it. */
	public record Mail(String subject, String text) {
	}

	public static int port() {
		return server().getSmtp().getPort();
	}

}
