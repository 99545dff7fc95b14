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

		IN_REVIEW, REJECTED, VERIFIED, REJECTED_FINAL, ABANDONED, REVOKED

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

	protected HcpVerification() {
	}

	HcpVerification(String readerId) {
		this.readerId = readerId;
	}

	void moveTo(Status status, Instant validUntil) {
		this.status = status;
		this.validUntil = validUntil;
		this.updatedAt = Instant.now();
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
