package org.hcpgate.staff;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.hcpgate.credentials.CredentialSubmission;
import org.hcpgate.review.ReviewDecision;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The submission card the review forms embed as an image: the submission's fields with
 * what changed since the reader's previous one highlighted, whether the licence photo is
 * new, the last review's decision and reasons, and the staff decisions taken on it.
 */
@Component
class SubmissionCard {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final MessageSource messages;

	SubmissionCard(MessageSource messages) {
		this.messages = messages;
	}

	String render(CredentialSubmission submission, SubmissionChanges changes, List<ReviewDecision> decided,
			Locale locale) {
		SvgCard card = new SvgCard(text(locale, "review.card.title", submission.getId(), submission.getAttempt(),
				time(submission.getSubmittedAt())));
		for (SubmissionChanges.Field field : changes.fields()) {
			card.row(text(locale, field.messageKey()), field.value(),
					field.changed() ? text(locale, "review.card.previously", field.previousValue()) : null,
					field.changed());
		}
		String photo = (changes.previous() == null) ? "review.card.photo.first"
				: (changes.photoChanged() ? "review.card.photo.new" : "review.card.photo.kept");
		card.row(text(locale, "field.licence-photo"), text(locale, photo), changes.photoChanged());
		if (changes.previous() != null && !changes.anyChanged()) {
			card.text(text(locale, "review.card.nothing-changed"));
		}
		CredentialSubmission previous = changes.previous();
		if (previous != null && previous.getDecision() != null) {
			card.heading(text(locale, "review.card.last-review", previous.getAttempt()));
			card.row(text(locale, "review.decision"), decision(locale, previous.getDecision()), false);
			card.row(text(locale, "review.reasons"), reasons(locale, previous.getRejectionReasons()), false);
			card.row(text(locale, "review.note"), (previous.getReviewNote() == null) ? "" : previous.getReviewNote(),
					false);
		}
		if (!decided.isEmpty()) {
			card.heading(text(locale, "review.card.decisions"));
			for (ReviewDecision decision : decided) {
				String what = decision(locale, decision.getDecision()) + (decision.getRejectionReasons().isEmpty() ? ""
						: " · " + reasons(locale, decision.getRejectionReasons()));
				String notes = (decision.getInternalNote() == null) ? null
						: text(locale, "review.card.internal-note", decision.getInternalNote());
				card.row(
						time(decision.getDecidedAt()) + " "
								+ ((decision.getDecidedBy() == null) ? "" : decision.getDecidedBy()),
						what, notes, false);
			}
		}
		return card.render();
	}

	private String decision(Locale locale, String decision) {
		return this.messages.getMessage("decision." + decision, null, decision, locale);
	}

	private String reasons(Locale locale, List<String> codes) {
		return codes.stream()
			.map(code -> this.messages.getMessage("rejection-reason." + code, null, code, locale))
			.collect(Collectors.joining("、"));
	}

	private String text(Locale locale, String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

	static String time(Instant instant) {
		return (instant == null) ? "" : TIME.format(instant.atZone(ZoneId.systemDefault()));
	}

}
