package org.hcpgate.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.hcpgate.readers.ReaderAccount;
import org.hcpgate.readers.ReaderAccountRepository;
import org.hcpgate.zones.ZoneRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The readers' e-mails, sent from an outbox: each notification written in a decision's
 * transaction is due for e-mail ({@code email_due_at}); this sender, on every node, runs
 * on its own schedule (never in the engine's job threads, so a slow or hung mail server
 * stalls no step of any journey) and:
 * <ol>
 * <li>claims one due notification by moving its due time past a lease, with a
 * compare-and-set on the old due time, so that of two nodes exactly one sends it;</li>
 * <li>sends it (the mail session has connect, read and write timeouts, see
 * {@code spring.mail.properties} in {@code application.yml});</li>
 * <li>marks it sent, or, when sending failed, makes it due again after a growing delay,
 * and gives up after {@code hcp-gate.notifications.max-attempts} (the site inbox still
 * tells the reader).</li>
 * </ol>
 * A node that dies between sending and marking leaves the claim to expire: that e-mail is
 * sent again once the lease is over (SMTP has no way to ask whether a message was
 * delivered); nothing else is ever sent twice. The text is the reader's language (the one
 * they last used on the site, zh-CN if none), with a link back to their journey. Without
 * {@code spring.mail.host} there is no mail sender, nothing is due, and the site inbox
 * alone tells the reader.
 */
@Component
class MailOutbox {

	private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

	/** How many e-mails one run sends at most (the next run goes on). */
	static final int BATCH = 20;

	private final ObjectProvider<JavaMailSender> mailSender;

	private final NotificationRepository notifications;

	private final ReaderAccountRepository accounts;

	private final ReaderLocaleRepository locales;

	private final ZoneRepository zones;

	private final MessageSource messages;

	private final JdbcTemplate jdbc;

	private final String siteUrl;

	private final String from;

	private final Duration lease;

	private final Duration firstRetry;

	private final int maxAttempts;

	private final Clock clock;

	@Autowired
	MailOutbox(ObjectProvider<JavaMailSender> mailSender, NotificationRepository notifications,
			ReaderAccountRepository accounts, ReaderLocaleRepository locales, ZoneRepository zones,
			MessageSource messages, JdbcTemplate jdbc,
			@Value("${hcp-gate.site-url:http://localhost:8080}") String siteUrl,
			@Value("${hcp-gate.notifications.mail-from:no-reply@hcp-gate.local}") String from,
			@Value("${hcp-gate.notifications.lease:PT2M}") Duration lease,
			@Value("${hcp-gate.notifications.first-retry:PT30S}") Duration firstRetry,
			@Value("${hcp-gate.notifications.max-attempts:10}") int maxAttempts) {
		this(mailSender, notifications, accounts, locales, zones, messages, jdbc, siteUrl, from, lease, firstRetry,
				maxAttempts, Clock.systemUTC());
	}

	MailOutbox(ObjectProvider<JavaMailSender> mailSender, NotificationRepository notifications,
			ReaderAccountRepository accounts, ReaderLocaleRepository locales, ZoneRepository zones,
			MessageSource messages, JdbcTemplate jdbc, String siteUrl, String from, Duration lease, Duration firstRetry,
			int maxAttempts, Clock clock) {
		this.mailSender = mailSender;
		this.notifications = notifications;
		this.accounts = accounts;
		this.locales = locales;
		this.zones = zones;
		this.messages = messages;
		this.jdbc = jdbc;
		this.siteUrl = siteUrl.replaceAll("/+$", "");
		this.from = from;
		this.lease = lease;
		this.firstRetry = firstRetry;
		this.maxAttempts = maxAttempts;
		this.clock = clock;
	}

	/**
	 * Sends what is due, one claimed e-mail at a time.
	 * @return how many e-mails this run sent
	 */
	@Scheduled(fixedDelayString = "${hcp-gate.notifications.outbox-interval:PT2S}", initialDelayString = "PT5S")
	public int sendDue() {
		JavaMailSender sender = this.mailSender.getIfAvailable();
		if (sender == null) {
			return 0;
		}
		int sent = 0;
		for (long id : due()) {
			if (claim(id) && send(sender, id)) {
				sent++;
			}
		}
		return sent;
	}

	private List<Long> due() {
		return this.jdbc
			.queryForList("select id from notification where email_due_at <= ? order by email_due_at, id fetch first "
					+ BATCH + " rows only", Long.class, Timestamp.from(this.clock.instant()));
	}

	/** Compare-and-set on the due time: true for the one node that moved it. */
	private boolean claim(long id) {
		Instant now = this.clock.instant();
		return this.jdbc.update(
				"update notification set email_due_at = ?, email_attempts = email_attempts + 1 "
						+ "where id = ? and email_due_at <= ? and emailed_at is null",
				Timestamp.from(now.plus(this.lease)), id, Timestamp.from(now)) == 1;
	}

	private boolean send(JavaMailSender sender, long id) {
		Notification notification = this.notifications.findById(id).orElse(null);
		if (notification == null) {
			return false;
		}
		Optional<ReaderAccount> account = account(notification.getReaderId());
		if (account.isEmpty() || account.get().getEmail() == null) {
			giveUp(id, "no e-mail address");
			return false;
		}
		Locale locale = this.locales.findById(notification.getReaderId())
			.map(l -> Locale.forLanguageTag(l.getLocale()))
			.orElse(Locale.SIMPLIFIED_CHINESE);
		try {
			sender.send(message(notification, account.get(), locale));
		}
		catch (RuntimeException failed) {
			// a MailException, or a message that could not be built
			retryLater(notification, failed);
			return false;
		}
		this.jdbc.update("update notification set emailed_at = ?, email_due_at = null where id = ?",
				Timestamp.from(this.clock.instant()), id);
		return true;
	}

	private void retryLater(Notification notification, Exception failed) {
		int attempts = notification.getEmailAttempts();
		if (attempts >= this.maxAttempts) {
			giveUp(notification.getId(), failed.getClass().getSimpleName());
			return;
		}
		Duration delay = this.firstRetry.multipliedBy(1L << Math.min(attempts - 1, 10));
		this.jdbc.update("update notification set email_due_at = ? where id = ? and emailed_at is null",
				Timestamp.from(this.clock.instant().plus(delay)), notification.getId());
		// the exception's kind, not its message: a mail server's refusal names the
		// address
		log.warn("Could not e-mail notification {} to reader {} (attempt {}), trying again in {}: {}",
				notification.getId(), notification.getReaderId(), attempts, delay, failed.getClass().getSimpleName());
	}

	private void giveUp(long id, String why) {
		this.jdbc.update("update notification set email_due_at = null, email_given_up_at = ? where id = ?",
				Timestamp.from(this.clock.instant()), id);
		log.warn("Gave up e-mailing notification {}: {}", id, why);
	}

	SimpleMailMessage message(Notification notification, ReaderAccount account, Locale locale) {
		String key = notification.getMessageKey();
		String zoneName = (notification.getZoneKey() == null) ? ""
				: this.zones.findById(notification.getZoneKey())
					.map(z -> z.getName())
					.orElse(notification.getZoneKey());
		String reasons = notification.getReasons()
			.stream()
			.map(code -> text("rejection-reason." + code, locale, code))
			.collect(Collectors.joining(text("mail.reason-separator", locale, ", ")));
		StringBuilder body = new StringBuilder();
		body.append(this.messages.getMessage("mail.greeting", new Object[] { account.getDisplayName() }, locale))
			.append("\n\n")
			.append(this.messages.getMessage(key + ".text", new Object[] { zoneName }, locale))
			.append('\n');
		if (!reasons.isEmpty()) {
			body.append('\n').append(this.messages.getMessage("mail.reasons", new Object[] { reasons }, locale));
		}
		if (notification.getNote() != null) {
			body.append('\n')
				.append(this.messages.getMessage("mail.note", new Object[] { notification.getNote() }, locale));
		}
		body.append("\n\n")
			.append(this.messages.getMessage("mail.link", new Object[] { this.siteUrl + notification.getLink() },
					locale))
			.append("\n\n")
			.append(this.messages.getMessage("mail.signature", new Object[] { text("site.name", locale, "") }, locale))
			.append('\n');
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.from);
		message.setTo(account.getEmail());
		message.setSubject(this.messages.getMessage(key + ".subject", new Object[] { zoneName }, locale));
		message.setText(body.toString());
		return message;
	}

	private Optional<ReaderAccount> account(String readerId) {
		try {
			return this.accounts.findById(Long.parseLong(readerId));
		}
		catch (NumberFormatException notAnAccount) {
			return Optional.empty();
		}
	}

	private String text(String key, Locale locale, String fallback) {
		try {
			return this.messages.getMessage(key, null, locale);
		}
		catch (NoSuchMessageException ex) {
			return fallback;
		}
	}

}
