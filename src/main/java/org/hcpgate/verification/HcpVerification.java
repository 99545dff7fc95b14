package org.hcpgate.verification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Read model: where a reader's platform-wide HCP verification stands. Written by the
 * processes.
 */
@Entity
@Table(name = "hcp_verification")
public class HcpVerification {

	public enum Status {

		IN_REVIEW, REJECTED, VERIFIED,
		/**
		 * Final: a lead confirmed it, or the attempts ran out. No zone starts a new
		 * verification; only a lead's reopening ({@link #REOPENED}) moves the reader on.
		 */
		REJECTED_FINAL, ABANDONED, REVOKED,
		/** A review lead allowed a new verification after a final rejection. */
		REOPENED

	}

	@Id
	@Column(name = "reader_id")
	private String readerId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Status status;

	@Column(name = "valid_until")
	private Instant validUntil;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	/**
	 * The profession the verification holds for (the catalogue's code; null when not
	 * known): zones that admit only some professions compare it.
	 */
	private String profession;

	/**
	 * The credential submission the verification rests on (the approved attempt; null
	 * when no review approved one, as the demo's verified readers).
	 */
	@Column(name = "submission_id")
	private Long submissionId;

	protected HcpVerification() {
	}

	HcpVerification(String readerId) {
		this.readerId = readerId;
	}

	/**
	 * @return whether the status moved: a final rejection holds against every move but a
	 * lead's reopening
	 */
	boolean moveTo(Status status, Instant validUntil) {
		if (this.status == Status.REJECTED_FINAL && status != Status.REOPENED && status != Status.REJECTED_FINAL) {
			return false;
		}
		this.status = status;
		this.validUntil = validUntil;
		this.updatedAt = Instant.now();
		return true;
	}

	void restOn(String profession, Long submissionId) {
		this.profession = profession;
		this.submissionId = submissionId;
	}

	public Long getSubmissionId() {
		return this.submissionId;
	}

	public String getProfession() {
		return this.profession;
	}

	/** Finally rejected: no new verification until a lead reopens. */
	public boolean isBarred() {
		return this.status == Status.REJECTED_FINAL;
	}

	public boolean isValidAt(Instant when) {
		return this.status == Status.VERIFIED && this.validUntil != null && this.validUntil.isAfter(when);
	}

	public String getReaderId() {
		return this.readerId;
	}

	public Status getStatus() {
		return this.status;
	}

	public Instant getValidUntil() {
		return this.validUntil;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
