package org.hcpgate.notifications;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.hcpgate.notifications.NotificationService.NotificationCreated;
import org.hcpgate.readers.ReaderAccount;
import org.hcpgate.readers.ReaderAccountRepository;
import org.hcpgate.zones.ZoneRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends a notification by e-mail once the transaction that made it has committed: a
 * decision rolled back sends nothing. The text is the reader's language (the one they
 * last used on the site, zh-CN if none), with a link back to their journey. Without
 * {@code spring.mail.host} there is no mail sender and the site inbox alone tells the
 * reader. A failed send is logged; the decision stands.
 */
@Component
class NotificationMailer {

	private static final Logger log = LoggerFactory.getLogger(NotificationMailer.class);

	private final ObjectProvider<JavaMailSender> mailSender;

	private final NotificationRepository notifications;

	private final ReaderAccountRepository accounts;

	private final ReaderLocaleRepository locales;

	private final ZoneRepository zones;

	private final MessageSource messages;

	private final String siteUrl;

	private final String from;

	NotificationMailer(ObjectProvider<JavaMailSender> mailSender, NotificationRepository notifications,
			ReaderAccountRepository accounts, ReaderLocaleRepository locales, ZoneRepository zones,
			MessageSource messages, @Value("${hcp-gate.site-url:http://localhost:8080}") String siteUrl,
			@Value("${hcp-gate.notifications.mail-from:no-reply@hcp-gate.local}") String from) {
		this.mailSender = mailSender;
		this.notifications = notifications;
		this.accounts = accounts;
		this.locales = locales;
		this.zones = zones;
		this.messages = messages;
		this.siteUrl = siteUrl.replaceAll("/+$", "");
		this.from = from;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void send(NotificationCreated created) {
		JavaMailSender sender = this.mailSender.getIfAvailable();
		if (sender == null) {
			return;
		}
		Notification notification = this.notifications.findById(created.notificationId()).orElse(null);
		if (notification == null || notification.getEmailedAt() != null) {
			return;
		}
		Optional<ReaderAccount> account = account(notification.getReaderId());
		if (account.isEmpty()) {
			return;
		}
		Locale locale = this.locales.findById(notification.getReaderId())
			.map(l -> Locale.forLanguageTag(l.getLocale()))
			.orElse(Locale.SIMPLIFIED_CHINESE);
		try {
			sender.send(message(notification, account.get(), locale));
			notification.markEmailed();
		}
		catch (MailException ex) {
			log.warn("Could not e-mail notification {} to reader {}: {}", notification.getId(),
					notification.getReaderId(), ex.getMessage());
		}
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
