package org.hcpgate.verification;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.hcpgate.verification.HcpVerification.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The verification read model. Bean {@code hcpVerificationService} is called from
 * {@code processes/zone-access.bpmn} ({@code isVerified(readerId)}); the record-*
 * delegates write it. Every write is an upsert: a retried job changes nothing twice.
 */
@Service("hcpVerificationService")
public class HcpVerificationService {

	private static final Logger log = LoggerFactory.getLogger(HcpVerificationService.class);

	private final HcpVerificationRepository verifications;

	private final VerificationSettings settings;

	private final ApplicationEventPublisher events;

	HcpVerificationService(HcpVerificationRepository verifications, VerificationSettings settings,
			ApplicationEventPublisher events) {
		this.verifications = verifications;
		this.settings = settings;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public boolean isVerified(String readerId) {
		return this.verifications.findById(readerId).map(v -> v.isValidAt(Instant.now())).orElse(false);
	}

	/**
	 * Whether the reader's verification is finally rejected (a lead confirmed it, or the
	 * attempts ran out): called by {@code processes/zone-access.bpmn} before any zone
	 * starts a verification, the hourly re-check included.
	 */
	@Transactional(readOnly = true)
	public boolean isBarred(String readerId) {
		return this.verifications.findById(readerId).map(HcpVerification::isBarred).orElse(false);
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
		markVerified(readerId, null, null);
	}

	/**
	 * Verified as a member of this profession, without a reviewed submission (demo data).
	 */
	@Transactional
	public void markVerified(String readerId, String profession) {
		markVerified(readerId, profession, null);
	}

	/**
	 * Verified as a member of this profession (the catalogue's code), on the strength of
	 * this submission (the approved attempt).
	 */
	@Transactional
	public void markVerified(String readerId, String profession, Long submissionId) {
		Instant validUntil = Instant.now().atZone(ZoneOffset.UTC).plus(this.settings.getValidity()).toInstant();
		move(readerId, Status.VERIFIED, validUntil);
		this.verifications.findById(readerId)
			.filter(verification -> verification.getStatus() == Status.VERIFIED)
			.ifPresent(verification -> verification.restOn(profession, submissionId));
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

	/**
	 * A review lead lifts a final rejection: the reader may verify again.
	 * @return whether there was a final rejection to lift
	 */
	@Transactional
	public boolean markReopened(String readerId) {
		HcpVerification verification = this.verifications.findById(readerId).orElse(null);
		if (verification == null || !verification.isBarred()) {
			return false;
		}
		verification.moveTo(Status.REOPENED, null);
		return true;
	}

	@Transactional
	public void markRevoked(String readerId) {
		move(readerId, Status.REVOKED, null);
	}

	/**
	 * A move away from {@code VERIFIED} publishes {@link HcpVerificationEnded} in this
	 * transaction: what rested on the verification ends with it.
	 */
	private void move(String readerId, Status status, Instant validUntil) {
		HcpVerification verification = this.verifications.findById(readerId)
			.orElseGet(() -> new HcpVerification(readerId));
		Status before = verification.getStatus();
		if (verification.moveTo(status, validUntil)) {
			this.verifications.save(verification);
			if (before == Status.VERIFIED && status != Status.VERIFIED) {
				this.events.publishEvent(new HcpVerificationEnded(readerId, status));
			}
		}
		else {
			log.warn("Reader {} is finally rejected: {} not recorded (a lead's reopening comes first)", readerId,
					status);
		}
	}

}
