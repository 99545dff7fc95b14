package org.hcpgate.accounts;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import org.hcpgate.readers.ReaderAccount;
import org.hcpgate.readers.ReaderAccountRepository;
import org.hcpgate.readers.ReaderAccountService;
import org.hcpgate.security.Digests;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration that tells no one whether a user name or an e-mail address is taken. The
 * page answers every well-formed registration the same way ("check your e-mail"), after
 * the same work (the password is hashed every time); what differs goes by e-mail, to the
 * address given, which only its owner reads:
 * <ul>
 * <li>a free name and address: a link that confirms the address and creates the account
 * (valid 24 hours);</li>
 * <li>an address that has an account: a reminder of its user name, and no new
 * account;</li>
 * <li>a name that is taken: a request to choose another.</li>
 * </ul>
 * Without a mail server ({@code spring.mail.host} unset, the embedded demo) no address
 * can be confirmed: accounts are created at once and the page names what is taken.
 */
@Service
public class RegistrationService {

	/** What the registration page says next. */
	public enum Outcome {

		/** Every case: an e-mail went to the address given. */
		CHECK_EMAIL,
		/** No mail server: the account exists, sign in. */
		REGISTERED

	}

	static final Duration LINK_LIFETIME = Duration.ofHours(24);

	private final SecureRandom random = new SecureRandom();

	private final PendingRegistrationRepository pending;

	private final ReaderAccountRepository accounts;

	private final ReaderAccountService accountService;

	private final PasswordEncoder passwordEncoder;

	private final ObjectProvider<JavaMailSender> mailSender;

	private final MessageSource messages;

	private final String siteUrl;

	private final String from;

	private final Clock clock = Clock.systemUTC();

	RegistrationService(PendingRegistrationRepository pending, ReaderAccountRepository accounts,
			ReaderAccountService accountService, PasswordEncoder passwordEncoder,
			ObjectProvider<JavaMailSender> mailSender, MessageSource messages,
			@Value("${hcp-gate.site-url:http://localhost:8080}") String siteUrl,
			@Value("${hcp-gate.notifications.mail-from:no-reply@hcp-gate.local}") String from) {
		this.pending = pending;
		this.accounts = accounts;
		this.accountService = accountService;
		this.passwordEncoder = passwordEncoder;
		this.mailSender = mailSender;
		this.messages = messages;
		this.siteUrl = siteUrl.replaceAll("/+$", "");
		this.from = from;
	}

	/**
	 * A well-formed registration (the form's own checks passed). With a mail server, the
	 * same outcome whatever is taken; without, {@link TakenException} names it.
	 * @throws org.springframework.mail.MailException when the e-mail cannot be sent
	 */
	@Transactional
	public Outcome register(RegistrationForm form, Locale locale) {
		String passwordHash = this.passwordEncoder.encode(form.getPassword());
		JavaMailSender sender = this.mailSender.getIfAvailable();
		if (sender == null) {
			registerAtOnce(form, passwordHash);
			return Outcome.REGISTERED;
		}
		Optional<ReaderAccount> owner = this.accounts.findByEmail(form.getEmail());
		if (owner.isPresent()) {
			sender.send(mail(form.getEmail(), "mail.register.existing", locale, owner.get().getDisplayName(),
					owner.get().getUsername(), this.siteUrl + "/login"));
		}
		else if (this.accounts.existsByUsername(form.getUsername())) {
			sender.send(mail(form.getEmail(), "mail.register.name-taken", locale, form.getDisplayName(),
					form.getUsername(), this.siteUrl + "/register"));
		}
		else {
			String token = newToken();
			Instant now = this.clock.instant();
			this.pending
				.save(new PendingRegistration(Digests.sha256(token), form, passwordHash, now, now.plus(LINK_LIFETIME)));
			sender.send(mail(form.getEmail(), "mail.register.confirm", locale, form.getDisplayName(),
					form.getUsername(), this.siteUrl + "/register/confirm?token=" + token));
		}
		return Outcome.CHECK_EMAIL;
	}

	/**
	 * Follows a confirmation link: the account is created, once.
	 * @return the new account, or empty when the link is unknown, used or expired, or the
	 * name or address was taken meanwhile
	 */
	@Transactional
	public Optional<ReaderAccount> confirm(String token) {
		if (token == null || token.isBlank()) {
			return Optional.empty();
		}
		Optional<PendingRegistration> found = this.pending.findByTokenHash(Digests.sha256(token));
		if (found.isEmpty()) {
			return Optional.empty();
		}
		PendingRegistration registration = found.get();
		this.pending.delete(registration);
		if (registration.isExpired(this.clock.instant()) || this.accounts.existsByUsername(registration.getUsername())
				|| this.accounts.existsByEmail(registration.getEmail())) {
			return Optional.empty();
		}
		return Optional.of(this.accountService.registerEncoded(registration.getUsername(),
				registration.getPasswordHash(), registration.getDisplayName(), registration.getEmail()));
	}

	/** Unconfirmed registrations hold a name and an address: gone when they expire. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT2M")
	@Transactional
	public int forgetExpired() {
		return this.pending.deleteExpired(this.clock.instant());
	}

	private void registerAtOnce(RegistrationForm form, String passwordHash) {
		boolean nameTaken = this.accounts.existsByUsername(form.getUsername());
		boolean emailTaken = this.accounts.existsByEmail(form.getEmail());
		if (nameTaken || emailTaken) {
			throw new TakenException(nameTaken, emailTaken);
		}
		try {
			this.accountService.registerEncoded(form.getUsername(), passwordHash, form.getDisplayName(),
					form.getEmail());
		}
		catch (DataIntegrityViolationException raced) {
			throw new TakenException(false, false);
		}
	}

	private SimpleMailMessage mail(String to, String key, Locale locale, Object... arguments) {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.from);
		message.setTo(to);
		message.setSubject(this.messages.getMessage(key + ".subject", null, locale));
		message.setText(this.messages.getMessage(key + ".text", arguments, locale));
		return message;
	}

	private String newToken() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * Without a mail server only: the name or the address is taken (both false when a
	 * concurrent registration took one first).
	 */
	public static class TakenException extends RuntimeException {

		private final boolean username;

		private final boolean email;

		TakenException(boolean username, boolean email) {
			super("Taken");
			this.username = username;
			this.email = email;
		}

		public boolean isUsername() {
			return this.username;
		}

		public boolean isEmail() {
			return this.email;
		}

	}

}
