package org.hcpgate.verification;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.hcpgate.verification.HcpVerification.Status;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The verification read model. Bean {@code hcpVerificationService} is called from
 * {@code processes/zone-access.bpmn} ({@code isVerified(readerId)}); the record-*
 * delegates write it. Every write is an upsert: a retried job changes nothing twice.
 */
@Service("hcpVerificationService")
public class HcpVerificationService {

	private final HcpVerificationRepository verifications;

	private final VerificationSettings settings;

	HcpVerificationService(HcpVerificationRepository verifications, VerificationSettings settings) {
		this.verifications = verifications;
		this.settings = settings;
	}

	@Transactional(readOnly = true)
	public boolean isVerified(String readerId) {
		return this.verifications.findById(readerId).map(v -> v.isValidAt(Instant.now())).orElse(false);
	}

	@Transactional(readOnly = true)
	public Optional<HcpVerification> find(String readerId) {
		return this.verifications.findById(readerId);
	}

	@Transactional
	public void markInReview(String readerId) {
		move(readerId, Status.IN_REVIEW, null);
	}

	@Transactional
	public void markVerified(String readerId) {
		Instant validUntil = Instant.now().atZone(ZoneOffset.UTC).plus(this.settings.getValidity()).toInstant();
		move(readerId, Status.VERIFIED, validUntil);
	}

	@Transactional
	public void markRejected(String readerId) {
		move(readerId, Status.REJECTED, null);
	}

	@Transactional
	public void markRejectedFinally(String readerId) {
		move(readerId, Status.REJECTED_FINAL, null);
	}

	@Transactional
	public void markAbandoned(String readerId) {
		move(readerId, Status.ABANDONED, null);
	}

	@Transactional
	public void markRevoked(String readerId) {
		move(readerId, Status.REVOKED, null);
	}

	private void move(String readerId, Status status, Instant validUntil) {
		HcpVerification verification = this.verifications.findById(readerId)
			.orElseGet(() -> new HcpVerification(readerId));
		verification.moveTo(status, validUntil);
		this.verifications.save(verification);
	}

}
