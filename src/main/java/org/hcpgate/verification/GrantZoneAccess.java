package org.hcpgate.verification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code grant-zone-access}: opens the zone for the reader. */
@Component("grantZoneAccess")
class GrantZoneAccess implements JavaDelegate {

	private final ZoneAccessService zoneAccess;

	GrantZoneAccess(ZoneAccessService zoneAccess) {
		this.zoneAccess = zoneAccess;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.zoneAccess.grant((String) execution.getVariable(ZoneAccessProcess.VAR_READER_ID),
				(String) execution.getVariable(ZoneAccessProcess.VAR_ZONE_KEY));
	}

}
