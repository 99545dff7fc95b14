package org.hcpgate.notifications;

import java.util.List;
import java.util.Locale;

import org.hcpgate.readers.ReaderDataErased;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells readers what happened to their verification and journeys: on the site (inbox) and
 * by e-mail. The notification is written in the deciding transaction and is the e-mail's
 * outbox entry too: {@link MailOutbox} sends it from its own thread, never the engine's,
 * once that transaction has committed. Called from the services the process delegates
 * use, inside their transaction: a job that fails rolls its notification back with it,
 * and a retried job finds the notification it made and tells nobody twice.
 */
@Service
public class NotificationService {

	static final int INBOX_SIZE = 50;

	private final NotificationRepository notifications;

	private final ReaderLocaleRepository locales;

	private final ObjectProvider<JavaMailSender> mailSender;

	NotificationService(NotificationRepository notifications, ReaderLocaleRepository locales,
			ObjectProvider<JavaMailSender> mailSender) {
		this.notifications = notifications;
		this.locales = locales;
		this.mailSender = mailSender;
	}

	/** Idempotent by (reader, kind, reference); the unique key backs this up. */
	@Transactional
	public void notify(Notice notice) {
		if (this.notifications.findByReaderIdAndKindAndReference(notice.readerId(), notice.kind(), notice.reference())
			.isPresent()) {
			return;
		}
		// due for e-mail when the site sends e-mail (spring.mail.host)
		this.notifications.save(new Notification(notice, this.mailSender.getIfAvailable() != null));
	}

	@Transactional(readOnly = true)
	public List<Notification> inbox(String readerId) {
		return this.notifications.findByReaderIdOrderByCreatedAtDescIdDesc(readerId, PageRequest.of(0, INBOX_SIZE));
	}

	@Transactional(readOnly = true)
	public long unread(String readerId) {
		return this.notifications.countByReaderIdAndReadAtIsNull(readerId);
	}

	@Transactional
	public void markAllRead(String readerId) {
		this.notifications.findByReaderIdAndReadAtIsNull(readerId).forEach(Notification::markRead);
	}

	/** Remembers the reader's language for their e-mails. */
	@Transactional
	public void rememberLocale(String readerId, Locale locale) {
		String tag = locale.toLanguageTag();
		ReaderLocale known = this.locales.findById(readerId).orElse(null);
		if (known == null) {
			this.locales.save(new ReaderLocale(readerId, tag));
		}
		else if (!tag.equals(known.getLocale())) {
			known.setLocale(tag);
		}
	}

	/**
	 * Notifications quote the staff's notes: they go with the data they speak of. A
	 * zone's erasure takes that zone's notifications, a whole reader's erasure all of
	 * them, and the account's deletion also the language.
	 */
	@EventListener
	void onReaderDataErased(ReaderDataErased erased) {
		if (erased.zoneKey() != null) {
			this.notifications.deleteAll(this.notifications
				.findByReaderIdOrderByCreatedAtDescIdDesc(erased.readerId(), PageRequest.of(0, Integer.MAX_VALUE))
				.stream()
				.filter(n -> erased.zoneKey().equals(n.getZoneKey()))
				.toList());
		}
		else if (erased.accountDeleted()) {
			eraseReader(erased.readerId());
		}
		else {
			this.notifications.deleteAll(this.notifications.findByReaderIdOrderByCreatedAtDescIdDesc(erased.readerId(),
					PageRequest.of(0, Integer.MAX_VALUE)));
		}
	}

	/**
	 * For account deletion: the reader's notifications and language go with the account.
	 */
	@Transactional
	public void eraseReader(String readerId) {
		this.notifications.deleteAll(this.notifications.findByReaderIdOrderByCreatedAtDescIdDesc(readerId,
				PageRequest.of(0, Integer.MAX_VALUE)));
		this.locales.deleteById(readerId);
	}

}
