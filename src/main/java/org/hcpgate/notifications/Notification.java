package org.hcpgate.notifications;

import java.time.Instant;
import java.util.List;

import org.hcpgate.processes.ReasonCodesConverter;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One thing the reader is told. Texts are message keys ({@code notification.<kind>.*}).
 */
@Entity
@Table(name = "notification")
public class Notification {

	public enum Kind {

		/** Credentials approved: the journey goes on (questions, or the zone opens). */
		CREDENTIALS_APPROVED,
		/** Credentials sent back with reasons: resubmit. */
		CREDENTIALS_REJECTED,
		/** Credentials finally rejected: contact support. */
		CREDENTIALS_REJECTED_FINAL,
		/** Answers to the zone's questions sent back with a note: answer again. */
		INFORMATION_REJECTED,
		/** Answers approved and the zone opened (one message, not two). */
		INFORMATION_APPROVED,
		/** The zone opened. */
		ACCESS_GRANTED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "reader_id", nullable = false)
	private String readerId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Kind kind;

	/**
	 * What it is about (submission, answer set, journey): with reader and kind, unique.
	 */
	@Column(nullable = false)
	private String reference;

	@Column(name = "zone_key")
	private String zoneKey;

	@Column(name = "article_id")
	private Long articleId;

	/** Rejection reason codes. */
	@Convert(converter = ReasonCodesConverter.class)
	private List<String> reasons = List.of();

	private String note;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "read_at")
	private Instant readAt;

	@Column(name = "emailed_at")
	private Instant emailedAt;

	/** When the e-mail is due ({@link MailOutbox}); null when there is none to send. */
	@Column(name = "email_due_at")
	private Instant emailDueAt;

	@Column(name = "email_attempts", nullable = false)
	private int emailAttempts;

	@Column(name = "email_given_up_at")
	private Instant emailGivenUpAt;

	protected Notification() {
	}

	Notification(Notice notice, boolean byEmail) {
		this.readerId = notice.readerId();
		this.kind = notice.kind();
		this.reference = notice.reference();
		this.zoneKey = notice.zoneKey();
		this.articleId = notice.articleId();
		this.reasons = List.copyOf(notice.reasons());
		this.note = (notice.note() == null || notice.note().isBlank()) ? null : notice.note();
		this.createdAt = Instant.now();
		this.emailDueAt = byEmail ? this.createdAt : null;
	}

	void markRead() {
		if (this.readAt == null) {
			this.readAt = Instant.now();
		}
	}

	public Long getId() {
		return this.id;
	}

	public String getReaderId() {
		return this.readerId;
	}

	public Kind getKind() {
		return this.kind;
	}

	public String getReference() {
		return this.reference;
	}

	public String getZoneKey() {
		return this.zoneKey;
	}

	public Long getArticleId() {
		return this.articleId;
	}

	public List<String> getReasons() {
		return this.reasons;
	}

	public String getNote() {
		return this.note;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getReadAt() {
		return this.readAt;
	}

	public boolean isUnread() {
		return this.readAt == null;
	}

	public Instant getEmailedAt() {
		return this.emailedAt;
	}

	public Instant getEmailDueAt() {
		return this.emailDueAt;
	}

	public int getEmailAttempts() {
		return this.emailAttempts;
	}

	public Instant getEmailGivenUpAt() {
		return this.emailGivenUpAt;
	}

	/** Where the reader goes from here: the journey, back to the article asked for. */
	public String getLink() {
		if (this.zoneKey == null) {
			return "/account";
		}
		return "/journey/" + this.zoneKey + ((this.articleId != null) ? "?article=" + this.articleId : "");
	}

	public String getMessageKey() {
		return "notification." + this.kind.name().toLowerCase().replace('_', '-');
	}

	public String getSubjectKey() {
		return getMessageKey() + ".subject";
	}

}
