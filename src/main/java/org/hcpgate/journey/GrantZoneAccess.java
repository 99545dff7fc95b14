package org.hcpgate.journey;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hcpgate.consent.ConsentService;
import org.hcpgate.notifications.Notice;
import org.hcpgate.notifications.Notification;
import org.hcpgate.notifications.NotificationService;
import org.hcpgate.processes.ZoneAccessProcess;
import org.hcpgate.verification.ZoneAccessService;
import org.hcpgate.zones.ZoneService;
import org.springframework.stereotype.Component;

/**
 * Service task {@code grant-zone-access}: opens the zone for the reader, for the
 * agreement version they accepted in this journey, and tells them, with a link back to
 * the article they asked for. Idempotent: a retried job renews the same row and notifies
 * once (one notice per journey).
 */
@Component("grantZoneAccess")
public class GrantZoneAccess implements JavaDelegate {

	private final ZoneAccessService zoneAccess;

	private final ConsentService consents;

	private final ZoneService zones;

	private final NotificationService notifications;

	public GrantZoneAccess(ZoneAccessService zoneAccess, ConsentService consents, ZoneService zones,
			NotificationService notifications) {
		this.zoneAccess = zoneAccess;
		this.consents = consents;
		this.zones = zones;
		this.notifications = notifications;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String readerId = (String) execution.getVariable(ZoneAccessProcess.VAR_READER_ID);
		String zoneKey = (String) execution.getVariable(ZoneAccessProcess.VAR_ZONE_KEY);
		int version = this.consents.agreementInForce(readerId, zoneKey)
			.orElseThrow(() -> new IllegalStateException(
					"No agreement in force for " + ZoneAccessProcess.businessKey(readerId, zoneKey)))
			.getDocumentVersion();
		Long requestedArticleId = this.zoneAccess.requestedArticle(readerId, zoneKey).orElse(null);
		this.zoneAccess.grant(readerId, zoneKey, version);
		// staff approved the reader's answers just before: one message says both
		boolean informationReviewed = execution.getVariable(ZoneAccessProcess.VAR_ANSWER_SET_ID) != null
				&& this.zones.requiresInformationReview(zoneKey);
		Notification.Kind kind = informationReviewed ? Notification.Kind.INFORMATION_APPROVED
				: Notification.Kind.ACCESS_GRANTED;
		this.notifications
			.notify(Notice.of(readerId, kind, execution.getProcessInstanceId()).leadingTo(zoneKey, requestedArticleId));
	}

}
