package org.hcpgate.verification;

import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The zone-access read model: the gate reads it on every gated page view. */
@Service
public class ZoneAccessService {

	private final ZoneAccessRepository access;

	ZoneAccessService(ZoneAccessRepository access) {
		this.access = access;
	}

	/** May the reader read the zone now? False once the verification expired or was revoked. */
	@Transactional(readOnly = true)
	public boolean isGranted(String readerId, String zoneKey) {
		return this.access.isOpen(readerId, zoneKey, HcpVerification.Status.VERIFIED, Instant.now());
	}

	/**
	 * Opens the zone for the agreement version the reader accepted. Idempotent: a retried
	 * job renews the same row (the unique key backs this up).
	 */
	@Transactional
	public void grant(String readerId, String zoneKey, int agreementVersion) {
		this.access.findByReaderIdAndZoneKey(readerId, zoneKey)
			.ifPresentOrElse(existing -> existing.renew(agreementVersion),
					() -> this.access.save(new ZoneAccess(readerId, zoneKey, agreementVersion)));
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
