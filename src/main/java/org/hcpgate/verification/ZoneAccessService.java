package org.hcpgate.verification;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The zone-access read model: the gate reads it on every gated page view. */
@Service
public class ZoneAccessService {

	private final ZoneAccessRepository access;

	ZoneAccessService(ZoneAccessRepository access) {
		this.access = access;
	}

	@Transactional(readOnly = true)
	public boolean isGranted(String readerId, String zoneKey) {
		return this.access.existsByReaderIdAndZoneKey(readerId, zoneKey);
	}

	/** Idempotent: a retried job finds the grant and adds none (the unique key backs this up). */
	@Transactional
	public void grant(String readerId, String zoneKey) {
		if (!isGranted(readerId, zoneKey)) {
			this.access.save(new ZoneAccess(readerId, zoneKey));
		}
	}

}
