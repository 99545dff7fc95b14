package org.hcpgate.zones;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Zone rules. Bean {@code zoneService} is called from {@code processes/zone-access.bpmn}
 * ({@code ${zoneService.hasInformedConsent(zoneKey)}}), so a zone's data decides its route.
 */
@Service("zoneService")
public class ZoneService {

	private final ZoneRepository zones;

	ZoneService(ZoneRepository zones) {
		this.zones = zones;
	}

	@Transactional(readOnly = true)
	public Zone get(String zoneKey) {
		return this.zones.findById(zoneKey).orElseThrow(() -> new UnknownZoneException(zoneKey));
	}

	@Transactional(readOnly = true)
	public boolean hasInformedConsent(String zoneKey) {
		return get(zoneKey).hasInformedConsent();
	}

}
