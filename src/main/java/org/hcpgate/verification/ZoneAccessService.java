package org.hcpgate.verification;

import java.time.Instant;

import org.hcpgate.notifications.Notice;
import org.hcpgate.notifications.Notification;
import org.hcpgate.notifications.NotificationService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The zone-access read model: the gate reads it on every gated page view. */
@Service
public class ZoneAccessService {

	private final ZoneAccessRepository access;

	private final NotificationService notifications;

	ZoneAccessService(ZoneAccessRepository access, NotificationService notifications) {
		this.access = access;
		this.notifications = notifications;
	}

	/** May the reader read the zone now? False once the verification expired or was revoked. */
	@Transactional(readOnly = true)
	public boolean isGranted(String readerId, String zoneKey) {
		return this.access.isOpen(readerId, zoneKey, HcpVerification.Status.VERIFIED, Instant.now());
	}

	/**
	 * Opens the zone at the end of a journey, for the agreement version the reader accepted,
	 * and tells the reader, with a link back to the article they asked for. Idempotent: a
	 * retried job renews the same row (the unique key backs this up) and notifies once (one
	 * notice per journey).
	 * @param journeyId the zone-access process instance
	 * @param informationReviewed staff approved the reader's answers just before: one message
	 * says both
	 */
	@Transactional
	public void grant(String readerId, String zoneKey, int agreementVersion, String journeyId,
			Long requestedArticleId, boolean informationReviewed) {
		this.access.findByReaderIdAndZoneKey(readerId, zoneKey)
			.ifPresentOrElse(existing -> existing.renew(agreementVersion),
					() -> this.access.save(new ZoneAccess(readerId, zoneKey, agreementVersion)));
		Notification.Kind kind = informationReviewed ? Notification.Kind.INFORMATION_APPROVED
				: Notification.Kind.ACCESS_GRANTED;
		this.notifications.notify(Notice.of(readerId, kind, journeyId).leadingTo(zoneKey, requestedArticleId));
	}

	/** Closes one zone (the reader withdrew its agreement). */
	@Transactional
	public void revoke(String readerId, String zoneKey) {
		this.access.deleteByReaderAndZone(readerId, zoneKey);
	}

	/** Closes every zone of the reader (verification revoked). */
	@Transactional
	public void revokeAll(String readerId) {
		this.access.deleteByReader(readerId);
	}

}
