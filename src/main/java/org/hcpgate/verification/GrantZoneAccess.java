package org.hcpgate.verification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hcpgate.zones.ZoneService;
import org.springframework.stereotype.Component;

/** Service task {@code grant-zone-access}: opens the zone for the reader and tells them. */
@Component("grantZoneAccess")
class GrantZoneAccess implements JavaDelegate {

	private final ZoneAccessService zoneAccess;

	private final ZoneService zones;

	GrantZoneAccess(ZoneAccessService zoneAccess, ZoneService zones) {
		this.zoneAccess = zoneAccess;
		this.zones = zones;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String zoneKey = (String) execution.getVariable(ZoneAccessProcess.VAR_ZONE_KEY);
		Object article = execution.getVariable(ZoneAccessProcess.VAR_REQUESTED_ARTICLE_ID);
		boolean informationReviewed = execution.getVariable(ZoneAccessProcess.VAR_ANSWER_SET_ID) != null
				&& this.zones.requiresInformationReview(zoneKey);
		this.zoneAccess.grant((String) execution.getVariable(ZoneAccessProcess.VAR_READER_ID), zoneKey,
				execution.getProcessInstanceId(), (article instanceof Number n) ? n.longValue() : null,
				informationReviewed);
	}

}
