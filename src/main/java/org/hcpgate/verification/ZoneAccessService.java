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

	/** Idempotent: a retried job finds the grant and adds none (the unique key backs this up). */
	@Transactional
	public void grant(String readerId, String zoneKey) {
		if (!this.access.existsByReaderIdAndZoneKey(readerId, zoneKey)) {
			this.access.save(new ZoneAccess(readerId, zoneKey));
		}
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
