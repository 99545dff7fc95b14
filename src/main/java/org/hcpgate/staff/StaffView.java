package org.hcpgate.staff;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One view of a reader's personal data by a staff member: who, what, when. */
@Entity
@Table(name = "staff_view")
public class StaffView {

	/** What was seen. */
	public enum Subject {

		SUBMISSION, SUBMISSION_CARD, LICENCE_PHOTO, ANSWERS, ANSWERS_CARD, FORM_ANSWERS, FORM_DOCUMENT

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "staff_user", nullable = false)
	private String staffUser;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Subject subject;

	@Column(name = "subject_id", nullable = false)
	private long subjectId;

	@Column(name = "reader_id", nullable = false)
	private String readerId;

	@Column(name = "accessed_at", nullable = false)
	private Instant accessedAt;

	protected StaffView() {
	}

	StaffView(String staffUser, Subject subject, long subjectId, String readerId) {
		this.staffUser = staffUser;
		this.subject = subject;
		this.subjectId = subjectId;
		this.readerId = readerId;
		this.accessedAt = Instant.now();
	}

	public Long getId() {
		return this.id;
	}

	public String getStaffUser() {
		return this.staffUser;
	}

	public Subject getSubject() {
		return this.subject;
	}

	public long getSubjectId() {
		return this.subjectId;
	}

	public String getReaderId() {
		return this.readerId;
	}

	public Instant getAccessedAt() {
		return this.accessedAt;
	}

}
