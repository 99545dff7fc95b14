package org.hcpgate.staff;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

import org.hcpgate.answers.FormAnswerService;
import org.hcpgate.credentials.CredentialService;
import org.hcpgate.credentials.CredentialSubmission;
import org.hcpgate.professions.ProfessionCatalogue;
import org.hcpgate.review.ReviewDecisionService;
import org.hcpgate.review.ReviewService;
import org.hcpgate.security.StaffMember;
import org.hcpgate.security.StaffMembers;
import org.hcpgate.staff.StaffView.Subject;
import org.hcpgate.vault.DocumentStore;
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
 * configuration); each view then needs a task of theirs on it ({@link StaffViewLog}), and
 * is logged.
 */
@Controller
@RequestMapping("/staff/submissions/{id}")
class StaffSubmissionController {

	static final String VIEW_SUBMISSION = "staff/submission";

	static final MediaType SVG = MediaType.parseMediaType("image/svg+xml;charset=UTF-8");

	private final ReviewService reviews;

	private final CredentialService credentials;

	private final DocumentStore photos;

	private final ReviewDecisionService decisions;

	private final SubmissionCard card;

	private final StaffMembers staffMembers;

	private final StaffViewLog access;

	private final ProfessionCatalogue professions;

	private final FormAnswerService formAnswers;

	StaffSubmissionController(ReviewService reviews, CredentialService credentials, DocumentStore photos,
			ReviewDecisionService decisions, SubmissionCard card, StaffMembers staffMembers, StaffViewLog access,
			ProfessionCatalogue professions, FormAnswerService formAnswers) {
		this.formAnswers = formAnswers;
		this.professions = professions;
		this.staffMembers = staffMembers;
		this.access = access;
		this.reviews = reviews;
		this.credentials = credentials;
		this.photos = photos;
		this.decisions = decisions;
		this.card = card;
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
		model.addAttribute("decisions", this.decisions.ofVerification(submission.getVerificationId()));
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
		String card = this.card.render(submission, changes, this.decisions.ofSubmission(id), locale);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(SVG)
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
			.body(card);
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
		StaffMember staff = this.staffMembers.current(request).orElseThrow(StaffViewLog.NotYoursToSee::new);
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

}
