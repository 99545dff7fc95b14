package org.hcpgate.verification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hcpgate.consent.ConsentService;
import org.springframework.stereotype.Component;

/**
 * Service task {@code grant-zone-access}: opens the zone for the reader, for the agreement
 * version they accepted in this journey.
 */
@Component("grantZoneAccess")
class GrantZoneAccess implements JavaDelegate {

	private final ZoneAccessService zoneAccess;

	private final ConsentService consents;

	GrantZoneAccess(ZoneAccessService zoneAccess, ConsentService consents) {
		this.zoneAccess = zoneAccess;
		this.consents = consents;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String readerId = (String) execution.getVariable(ZoneAccessProcess.VAR_READER_ID);
		String zoneKey = (String) execution.getVariable(ZoneAccessProcess.VAR_ZONE_KEY);
		int version = this.consents.agreementInForce(readerId, zoneKey)
			.orElseThrow(() -> new IllegalStateException("No agreement in force for " + readerId + ":" + zoneKey))
			.getDocumentVersion();
		this.zoneAccess.grant(readerId, zoneKey, version);
	}

}
