package org.hcpgate.review;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.hcpgate.credentials.CredentialService;
import org.hcpgate.answers.FormAnswerService;
import org.hcpgate.professions.ProfessionCatalogue;
import org.hcpgate.credentials.CredentialSubmission;
import org.hcpgate.vault.DocumentStore;
import org.hcpgate.review.StaffAccessEntry.Subject;
import org.hcpgate.security.StaffMember;
import org.hcpgate.security.StaffMembers;
import org.springframework.context.MessageSource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Staff-only views of a submission, referenced by id from the review forms in Tasklist,
 * so personal data never has to enter process variables: the page (all attempts, what
 * changed, the decisions taken), the card the form embeds as an image, and the licence
 * photo. Staff signed in to the Camunda webapps reach {@code /staff/**} (the security
 * configuration); each view then needs a task of theirs on it ({@link StaffAccess}), and
 * is logged.
 */
@Controller
@RequestMapping("/staff/submissions/{id}")
class StaffSubmissionController {

	static final String VIEW_SUBMISSION = "review/submission";

	static final MediaType SVG = MediaType.parseMediaType("image/svg+xml;charset=UTF-8");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final ReviewService reviews;

	private final CredentialService credentials;

	private final DocumentStore photos;

	private final DecisionAudit audit;

	private final MessageSource messages;

	private final StaffMembers staffMembers;

	private final StaffAccess access;

	private final ProfessionCatalogue professions;

	private final FormAnswerService formAnswers;

	StaffSubmissionController(ReviewService reviews, CredentialService credentials, DocumentStore photos,
			DecisionAudit audit, MessageSource messages, StaffMembers staffMembers, StaffAccess access,
			ProfessionCatalogue professions, FormAnswerService formAnswers) {
		this.formAnswers = formAnswers;
		this.professions = professions;
		this.staffMembers = staffMembers;
		this.access = access;
		this.reviews = reviews;
		this.credentials = credentials;
		this.photos = photos;
		this.audit = audit;
		this.messages = messages;
	}

	@GetMapping
	String show(@PathVariable long id, Model model, HttpServletRequest request, Locale locale) {
		CredentialSubmission submission = seen(request, id, Subject.SUBMISSION);
		List<CredentialSubmission> earlier = earlier(submission);
		model.addAttribute("submission", submission);
		model.addAttribute("earlier", earlier);
		model.addAttribute("licenceElsewhere", this.reviews.licenceUsedByAnotherReader(submission));
		model.addAttribute("changes", SubmissionChanges.of(submission, earlier.isEmpty() ? null : earlier.get(0),
				code -> this.professions.find(code).map(p -> p.nameIn(locale)).orElse(code)));
		model.addAttribute("decisions", this.audit.ofVerification(submission.getVerificationId()));
		model.addAttribute("formAnswers", this.formAnswers.ofReader(submission.getReaderId()));
		return VIEW_SUBMISSION;
	}

	/**
	 * The submission as a card for the review forms: changed fields highlighted, the last
	 * reasons, the decisions.
	 */
	@GetMapping("/card.svg")
	ResponseEntity<String> card(@PathVariable long id, Locale locale, HttpServletRequest request) {
		CredentialSubmission submission = seen(request, id, Subject.SUBMISSION_CARD);
		List<CredentialSubmission> earlier = earlier(submission);
		SubmissionChanges changes = SubmissionChanges.of(submission, earlier.isEmpty() ? null : earlier.get(0),
				code -> this.professions.find(code).map(p -> p.nameIn(locale)).orElse(code));
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
		List<AuditedDecision> decided = this.audit.ofSubmission(id);
		if (!decided.isEmpty()) {
			card.heading(text(locale, "review.card.decisions"));
			for (AuditedDecision decision : decided) {
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
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(SVG)
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
			.body(card.render());
	}

	@GetMapping("/photo")
	ResponseEntity<InputStreamResource> photo(@PathVariable long id, HttpServletRequest request) throws IOException {
		CredentialSubmission submission = seen(request, id, Subject.LICENCE_PHOTO);
		InputStream content = this.photos.open(submission.getPhotoFile(), submission.getReaderId());
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.parseMediaType(submission.getPhotoContentType()))
			.header("X-Content-Type-Options", "nosniff")
			.body(new InputStreamResource(content));
	}

	/** The submission, if this staff member needs to know it: the view is logged. */
	private CredentialSubmission seen(HttpServletRequest request, long id, Subject subject) {
		CredentialSubmission submission = this.reviews.submission(id);
		StaffMember staff = this.staffMembers.current(request).orElseThrow(StaffAccess.NotYoursToSee::new);
		this.access.view(staff, submission.getVerificationId(), subject, id, submission.getReaderId());
		return submission;
	}

	/** The reader's submissions before this one, latest first. */
	private List<CredentialSubmission> earlier(CredentialSubmission submission) {
		return this.credentials.of(submission.getReaderId())
			.stream()
			.filter(s -> s.getSubmittedAt().isBefore(submission.getSubmittedAt())
					|| (s.getSubmittedAt().equals(submission.getSubmittedAt()) && s.getId() < submission.getId()))
			.toList();
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
