package org.hcpgate.verification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hcpgate.consent.ConsentService;
import org.hcpgate.zones.ZoneService;
import org.springframework.stereotype.Component;

/**
 * Service task {@code grant-zone-access}: opens the zone for the reader, for the agreement
 * version they accepted in this journey, and tells them.
 */
@Component("grantZoneAccess")
class GrantZoneAccess implements JavaDelegate {

	private final ZoneAccessService zoneAccess;

	private final ConsentService consents;

	private final ZoneService zones;

	GrantZoneAccess(ZoneAccessService zoneAccess, ConsentService consents, ZoneService zones) {
		this.zoneAccess = zoneAccess;
		this.consents = consents;
		this.zones = zones;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String readerId = (String) execution.getVariable(ZoneAccessProcess.VAR_READER_ID);
		String zoneKey = (String) execution.getVariable(ZoneAccessProcess.VAR_ZONE_KEY);
		int version = this.consents.agreementInForce(readerId, zoneKey)
			.orElseThrow(() -> new IllegalStateException("No agreement in force for " + readerId + ":" + zoneKey))
			.getDocumentVersion();
		Object article = execution.getVariable(ZoneAccessProcess.VAR_REQUESTED_ARTICLE_ID);
		boolean informationReviewed = execution.getVariable(ZoneAccessProcess.VAR_ANSWER_SET_ID) != null
				&& this.zones.requiresInformationReview(zoneKey);
		this.zoneAccess.grant(readerId, zoneKey, version, execution.getProcessInstanceId(),
				(article instanceof Number n) ? n.longValue() : null, informationReviewed);
	}

}
