package org.hcpgate.notifications;

import java.util.List;

import org.hcpgate.notifications.Notification.Kind;

/**
 * What a service asks to tell a reader.
 *
 * @param readerId whom
 * @param kind what happened
 * @param reference what it is about (a submission id, an answer set id, a journey's
 * process instance id): telling the same reader the same kind about the same reference
 * twice tells them once
 * @param zoneKey the journey to lead back to, if known
 * @param articleId the article the reader asked for in that journey, if any
 * @param reasons rejection reason codes
 * @param note the reviewer's note to the reader
 */
public record Notice(String readerId, Kind kind, String reference, String zoneKey, Long articleId, List<String> reasons,
		String note) {

	public Notice {
		reasons = (reasons == null) ? List.of() : List.copyOf(reasons);
	}

	public static Notice of(String readerId, Kind kind, Object reference) {
		return new Notice(readerId, kind, String.valueOf(reference), null, null, List.of(), null);
	}

	public Notice leadingTo(String zoneKey, Long articleId) {
		return new Notice(this.readerId, this.kind, this.reference, zoneKey, articleId, this.reasons, this.note);
	}

	public Notice because(List<String> reasons, String note) {
		return new Notice(this.readerId, this.kind, this.reference, this.zoneKey, this.articleId, reasons, note);
	}

}
