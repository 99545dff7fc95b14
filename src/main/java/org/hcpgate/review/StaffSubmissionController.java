package org.hcpgate.review;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.hcpgate.verification.CredentialSubmission;
import org.hcpgate.verification.JourneyService;
import org.hcpgate.verification.LicencePhotoStore;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Staff-only views of a submission, referenced by id from the review form in Tasklist, so
 * personal data never has to enter process variables. Access is checked by the security
 * configuration ({@code /staff/**}: reviewers signed in to the Camunda webapps).
 */
@Controller
@RequestMapping("/staff/submissions/{id}")
class StaffSubmissionController {

	static final String VIEW_SUBMISSION = "review/submission";

	private final ReviewService reviews;

	private final JourneyService journey;

	private final LicencePhotoStore photos;

	StaffSubmissionController(ReviewService reviews, JourneyService journey, LicencePhotoStore photos) {
		this.reviews = reviews;
		this.journey = journey;
		this.photos = photos;
	}

	@GetMapping
	String show(@PathVariable long id, Model model) {
		CredentialSubmission submission = this.reviews.submission(id);
		List<CredentialSubmission> earlier = this.journey.submissions(submission.getReaderId())
			.stream()
			.filter(s -> s.getSubmittedAt().isBefore(submission.getSubmittedAt()))
			.toList();
		model.addAttribute("submission", submission);
		model.addAttribute("earlier", earlier);
		model.addAttribute("licenceElsewhere", this.reviews.licenceUsedByAnotherReader(submission));
		model.addAttribute("reasons", RejectionReason.values());
		return VIEW_SUBMISSION;
	}

	@GetMapping("/photo")
	ResponseEntity<InputStreamResource> photo(@PathVariable long id) throws IOException {
		CredentialSubmission submission = this.reviews.submission(id);
		InputStream content = this.photos.open(submission.getPhotoFile(), submission.getReaderId());
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.parseMediaType(submission.getPhotoContentType()))
			.header("X-Content-Type-Options", "nosniff")
			.body(new InputStreamResource(content));
	}

}
