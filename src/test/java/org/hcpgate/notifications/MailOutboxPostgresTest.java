package org.hcpgate.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.hcpgate.notifications.Notification.Kind;
import org.hcpgate.readers.Reader;
import org.hcpgate.readers.ReaderAccountRepository;
import org.hcpgate.support.PostgresIntegrationTest;
import org.hcpgate.support.Readers;
import org.hcpgate.support.TestMail;
import org.hcpgate.zones.ZoneRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;

/**
 * The readers' e-mails leave through an outbox: a mail server that hangs costs the sender
 * a timeout and a later retry, never a journey's step; two nodes send each e-mail once.
 * The notifications here are due an hour from now, so that only the outboxes of the test
 * (with their own clocks, as nodes of their own) see them, not the application's.
 */
@ExtendWith(OutputCaptureExtension.class)
class MailOutboxPostgresTest extends PostgresIntegrationTest {

	static final Duration LATER = Duration.ofHours(1);

	@Autowired
	NotificationService notificationService;

	@Autowired
	NotificationRepository notifications;

	@Autowired
	ReaderAccountRepository accounts;

	@Autowired
	ReaderLocaleRepository locales;

	@Autowired
	ZoneRepository zones;

	@Autowired
	MessageSource messages;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Readers readers;

	@Autowired
	MailOutbox applicationOutbox;

	/**
	 * What earlier tests left due is sent first (by the application's own outbox), so
	 * that the outboxes of this test, with their clocks an hour ahead, see only this
	 * test's notifications.
	 */
	@BeforeEach
	void sendWhatIsDueNow() {
		Instant deadline = Instant.now().plusSeconds(20);
		while (this.jdbc.queryForObject("select count(*) from notification where email_due_at <= ?", Long.class,
				Timestamp.from(Instant.now().plus(LATER).plus(LATER))) > 0 && Instant.now().isBefore(deadline)) {
			this.applicationOutbox.sendDue();
			// what a failure made due later, or what is due too far ahead, is no test's:
			// out of this test's way
			this.jdbc.update(
					"update notification set email_due_at = null where email_due_at <= ? and " + "email_due_at > ?",
					Timestamp.from(Instant.now().plus(LATER).plus(LATER)), Timestamp.from(Instant.now()));
		}
	}

	@Test
	void aHungMailServerCostsATimeoutAndARetryLaterNeverTheDecision() throws Exception {
		Reader reader = this.readers.newReader();
		Instant due = Instant.now().plus(LATER);
		long id = notifyDueAt(reader, "hung-1", due);
		try (ServerSocket hung = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
			List<Socket> held = new CopyOnWriteArrayList<>();
			CompletableFuture.runAsync(() -> {
				// accepts, and never says a word: no SMTP greeting ever comes
				while (!hung.isClosed()) {
					try {
						held.add(hung.accept());
					}
					catch (IOException closed) {
						return;
					}
				}
			});
			long started = System.nanoTime();
			int sent = outbox(sender(hung.getLocalPort(), 500), at(due)).sendDue();
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			assertThat(sent).isZero();
			assertThat(took).isLessThan(Duration.ofSeconds(5));
			for (Socket socket : held) {
				socket.close();
			}
		}
		Notification failed = this.notifications.findById(id).orElseThrow();
		assertThat(failed.getEmailedAt()).isNull();
		assertThat(failed.getEmailAttempts()).isOne();
		// due again after the first retry's delay (30 s), not at once
		assertThat(failed.getEmailDueAt()).isBetween(due.plusSeconds(29), due.plusSeconds(31));
		outbox(greenMail(), at(due.plusSeconds(10))).sendDue();
		assertThat(this.notifications.findById(id).orElseThrow().getEmailedAt()).as("not before its retry").isNull();

		// the mail server is back: the retry sends it, once
		outbox(greenMail(), at(due.plusSeconds(31))).sendDue();
		Notification sent = this.notifications.findById(id).orElseThrow();
		assertThat(sent.getEmailedAt()).isNotNull();
		assertThat(sent.getEmailDueAt()).isNull();
		assertThat(mailTo(reader)).hasSize(1);
		outbox(greenMail(), at(due.plus(LATER))).sendDue();
		assertThat(mailTo(reader)).as("sent once").hasSize(1);
	}

	@Test
	void twoNodesSendEachEmailExactlyOnce() throws Exception {
		Reader reader = this.readers.newReader();
		Instant due = Instant.now().plus(LATER);
		for (int i = 0; i < 30; i++) {
			notifyDueAt(reader, "twice-" + i, due);
		}
		MailOutbox one = outbox(greenMail(), at(due));
		MailOutbox other = outbox(greenMail(), at(due));
		List<CompletableFuture<Integer>> nodes = new ArrayList<>();
		for (MailOutbox node : List.of(one, other)) {
			nodes.add(CompletableFuture.supplyAsync(() -> {
				int sent = 0;
				for (int run = 0; run < 3; run++) {
					sent += node.sendDue();
				}
				return sent;
			}));
		}
		int sent = 0;
		for (CompletableFuture<Integer> node : nodes) {
			sent += node.get();
		}
		assertThat(sent).isGreaterThanOrEqualTo(30);
		assertThat(mailTo(reader)).hasSize(30);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from notification where reader_id = ? and emailed_at is not null and email_attempts = 1",
				Long.class, reader.getReaderId()))
			.isEqualTo(30);
	}

	@Test
	void anEmailThatKeepsFailingIsGivenUpAndTheInboxStillTellsTheReader() {
		Reader reader = this.readers.newReader();
		Instant due = Instant.now().plus(LATER);
		long id = notifyDueAt(reader, "refused-1", due);
		// nothing listens on this port: connection refused, at once
		int closedPort;
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = probe.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		Instant now = due;
		for (int attempt = 1; attempt <= 3; attempt++) {
			outbox(sender(closedPort, 500), at(now), 3).sendDue();
			now = now.plus(Duration.ofHours(1));
		}
		Notification given = this.notifications.findById(id).orElseThrow();
		assertThat(given.getEmailGivenUpAt()).isNotNull();
		assertThat(given.getEmailDueAt()).isNull();
		assertThat(given.getEmailAttempts()).isEqualTo(3);
		assertThat(this.notificationService.inbox(reader.getReaderId())).extracting(Notification::getId).contains(id);
	}

	/**
	 * A mail server's refusal names the recipient (JavaMail's "Invalid Addresses"): the
	 * log says which notification failed and why in general, never to whom. It printed
	 * the reader's address.
	 */
	@Test
	void aFailedEmailLeavesNoAddressInTheLog(CapturedOutput log) {
		Reader reader = this.readers.newReader();
		String address = reader.getUsername() + "@example.org";
		Instant due = Instant.now().plus(LATER);
		notifyDueAt(reader, "invalid-1", due);
		JavaMailSender refusing = org.mockito.Mockito.mock(JavaMailSender.class);
		org.mockito.Mockito.doThrow(new org.springframework.mail.MailSendException(
				"Failed messages: jakarta.mail.SendFailedException: Invalid Addresses; nested exception is: "
						+ "com.sun.mail.smtp.SMTPAddressFailedException: 550 5.1.1 <" + address + ">: unknown user"))
			.when(refusing)
			.send(org.mockito.ArgumentMatchers.any(org.springframework.mail.SimpleMailMessage.class));
		outbox(refusing, at(due), 1).sendDue();
		outbox(refusing, at(due), 1).sendDue();
		assertThat(log.getAll()).contains("MailSendException").doesNotContain(address);
	}

	private long notifyDueAt(Reader reader, String reference, Instant due) {
		return this.transactions.execute(status -> {
			this.notificationService.notify(Notice.of(reader.getReaderId(), Kind.CREDENTIALS_APPROVED, reference));
			long id = this.notifications
				.findByReaderIdAndKindAndReference(reader.getReaderId(), Kind.CREDENTIALS_APPROVED, reference)
				.orElseThrow()
				.getId();
			// in the same transaction: the application's own outbox never sees it due
			this.jdbc.update("update notification set email_due_at = ? where id = ?", Timestamp.from(due), id);
			return id;
		});
	}

	private MailOutbox outbox(JavaMailSender sender, Clock clock) {
		return outbox(sender, clock, 10);
	}

	private MailOutbox outbox(JavaMailSender sender, Clock clock, int maxAttempts) {
		ObjectProvider<JavaMailSender> provider = new StaticListableBeanFactory(Map.of("mailSender", sender))
			.getBeanProvider(JavaMailSender.class);
		return new MailOutbox(provider, this.notifications, this.accounts, this.locales, this.zones, this.messages,
				this.jdbc, "http://localhost:8080", "no-reply@hcp-gate.local", Duration.ofMinutes(2),
				Duration.ofSeconds(30), maxAttempts, clock);
	}

	private static JavaMailSender greenMail() {
		return sender(TestMail.port(), 5000);
	}

	private static JavaMailSender sender(int port, int timeoutMillis) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		Properties properties = new Properties();
		properties.put("mail.smtp.connectiontimeout", String.valueOf(timeoutMillis));
		properties.put("mail.smtp.timeout", String.valueOf(timeoutMillis));
		properties.put("mail.smtp.writetimeout", String.valueOf(timeoutMillis));
		sender.setJavaMailProperties(properties);
		return sender;
	}

	private static Clock at(Instant instant) {
		return Clock.fixed(instant, ZoneOffset.UTC);
	}

	private static List<Message> mailTo(Reader reader) {
		String address = reader.getUsername() + "@example.org";
		return Arrays.stream(TestMail.server().getReceivedMessages()).<Message>map(m -> m).filter(m -> {
			try {
				return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
					.anyMatch(a -> a.toString().equals(address));
			}
			catch (MessagingException ex) {
				return false;
			}
		}).toList();
	}

}
