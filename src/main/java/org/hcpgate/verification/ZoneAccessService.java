package org.hcpgate.verification;

import java.time.Instant;
import java.util.Optional;

import org.hcpgate.consent.AgreementWithdrawn;
import org.hcpgate.readers.ReaderDataErased;
import org.hcpgate.zones.Zone;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The zone-access read model: the gate reads it on every gated page view. */
@Service
public class ZoneAccessService {

	private final ZoneAccessRepository access;

	private final HcpVerificationRepository verifications;

	private final JourneyRequestRepository requests;

	ZoneAccessService(ZoneAccessRepository access, HcpVerificationRepository verifications,
			JourneyRequestRepository requests) {
		this.access = access;
		this.verifications = verifications;
		this.requests = requests;
	}

	/**
	 * The profession of a reader whose valid verification the zone does not admit (a
	 * nurse at a zone for physicians): such a reader is told which professions it admits,
	 * and no journey starts, since a new verification would change nothing. Empty for
	 * anyone else. Only asked when the gate said no, never on a let-in page view.
	 */
	@Transactional(readOnly = true)
	public Optional<String> professionNotAdmitted(String readerId, Zone zone) {
		return this.verifications.findById(readerId)
			.filter(verification -> verification.isValidAt(Instant.now()))
			.filter(verification -> !zone.admits(verification.getProfession()))
			.map(verification -> (verification.getProfession() != null) ? verification.getProfession() : "");
	}

	/**
	 * May the reader read the zone now? False once the verification expired or was
	 * revoked.
	 */
	@Transactional(readOnly = true)
	public boolean isGranted(String readerId, String zoneKey) {
		return this.access.isOpen(readerId, zoneKey, HcpVerification.Status.VERIFIED, Instant.now());
	}

	/**
	 * Opens the zone at the end of a journey, for the agreement version the reader
	 * accepted. Idempotent: a retried job renews the same row (the unique key backs this
	 * up).
	 */
	@Transactional
	public void grant(String readerId, String zoneKey, int agreementVersion) {
		this.access.findByReaderIdAndZoneKey(readerId, zoneKey)
			.ifPresentOrElse(existing -> existing.renew(agreementVersion),
					() -> this.access.save(new ZoneAccess(readerId, zoneKey, agreementVersion)));
	}

	/**
	 * The reader withdrew the zone's agreement: the zone closes at once, in the same
	 * transaction.
	 */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	public void agreementWithdrawn(AgreementWithdrawn withdrawal) {
		this.access.deleteByReaderAndZone(withdrawal.readerId(), withdrawal.zoneKey());
	}

	/**
	 * A journey into the zone started from this article (or from none): the one to land
	 * on when it ends, whatever device the reader comes back on. Replaces the last
	 * journey's. Joins the transaction that starts the journey.
	 */
	@Transactional
	public void rememberRequest(String readerId, String zoneKey, Long articleId) {
		JourneyRequest request = this.requests.findByReaderIdAndZoneKey(readerId, zoneKey)
			.orElseGet(() -> new JourneyRequest(readerId, zoneKey));
		request.request(articleId, Instant.now());
		this.requests.save(request);
	}

	/** The article the reader asked for when the latest journey into the zone started. */
	@Transactional(readOnly = true)
	public Optional<Long> requestedArticle(String readerId, String zoneKey) {
		return this.requests.findByReaderIdAndZoneKey(readerId, zoneKey).map(JourneyRequest::getArticleId);
	}

	/** What the reader asked for goes with the reader, or with the zone they left. */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	public void readerDataErased(ReaderDataErased erased) {
		if (erased.zoneKey() == null) {
			this.requests.deleteByReader(erased.readerId());
		}
		else {
			this.requests.deleteByReaderAndZone(erased.readerId(), erased.zoneKey());
		}
	}

	/** Closes every zone of the reader (verification revoked, reader erased). */
	@Transactional
	public void revokeAll(String readerId) {
		this.access.deleteByReader(readerId);
	}

}
