package org.hcpgate.verification;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.hcpgate.accounts.Reader;
import org.hcpgate.zones.Zone;
import org.hcpgate.zones.ZoneService;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The reader's journey into a zone. Which page shows is the processes' choice: the step of
 * the reader's active task, "in review" while staff hold a task, or the end the journey took.
 */
@Controller
@RequestMapping("/journey/{zoneKey}")
class JourneyController {

	static final String VIEW_AGREEMENT = "verification/agreement";

	static final String VIEW_INFORMED_CONSENT = "verification/informed-consent";

	static final String VIEW_CREDENTIALS = "verification/credentials";

	static final String VIEW_QUESTIONS = "verification/questions";

	static final String VIEW_IN_REVIEW = "verification/in-review";

	static final String VIEW_PROCESSING = "verification/processing";

	static final String VIEW_PASSED = "verification/passed";

	static final String VIEW_REFUSED = "verification/refused";

	static final String VIEW_FAILED = "verification/failed";

	static final String VIEW_UNKNOWN_STEP = "verification/unknown-step";

	/** How often a waiting page looks again: a review takes a while, a job a moment. */
	static final int IN_REVIEW_REFRESH_SECONDS = 10;

	static final int PROCESSING_REFRESH_SECONDS = 2;

	private final VerificationService verification;

	private final JourneyService journey;

	private final ZoneService zones;

	private final PhotoIntake photoIntake;

	JourneyController(VerificationService verification, JourneyService journey, ZoneService zones,
			PhotoIntake photoIntake) {
		this.verification = verification;
		this.journey = journey;
		this.zones = zones;
		this.photoIntake = photoIntake;
	}

	@ModelAttribute("zone")
	Zone zone(@PathVariable String zoneKey) {
		return this.zones.get(zoneKey);
	}

	@ModelAttribute("articleId")
	Long articleId(@RequestParam(name = "article", required = false) Long articleId) {
		return articleId;
	}

	@GetMapping
	String show(@PathVariable String zoneKey, @ModelAttribute("articleId") Long articleId,
			@AuthenticationPrincipal Reader reader, HttpSession session, Model model) {
		JourneyStep step = this.verification.currentStep(reader.getReaderId(), zoneKey);
		return switch (step.kind()) {
			case NOT_STARTED -> start(zoneKey, articleId, reader);
			case READER_STEP -> showStep(step.step(), reader, zoneKey, session, model);
			case IN_REVIEW -> waiting(VIEW_IN_REVIEW, IN_REVIEW_REFRESH_SECONDS, step, model);
			case PROCESSING -> waiting(VIEW_PROCESSING, PROCESSING_REFRESH_SECONDS, step, model);
			case GRANTED -> showPassed(zoneKey, articleId, reader, model);
			case ENDED -> switch (step.step()) {
				case ZoneAccessProcess.END_AGREEMENT_REFUSED -> VIEW_REFUSED;
				case ZoneAccessProcess.END_VERIFICATION_FAILED -> showFailed(reader, model);
				default -> start(zoneKey, articleId, reader);
			};
		};
	}

	/**
	 * Where the journey stands, for a waiting page that asks every few seconds
	 * (static/js/journey-status.js) and reloads itself when the answer changes.
	 */
	@GetMapping(path = "/status", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, String>> status(@PathVariable String zoneKey, @AuthenticationPrincipal Reader reader) {
		JourneyStep step = this.verification.currentStep(reader.getReaderId(), zoneKey);
		Map<String, String> body = new LinkedHashMap<>();
		body.put("kind", step.kind().name());
		body.put("step", step.step());
		body.put("state", state(step));
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
	}

	/** The photo the reader sent with a form that came back with errors (kept, not lost). */
	@GetMapping("/pending-photo")
	ResponseEntity<InputStreamResource> pendingPhoto(@AuthenticationPrincipal Reader reader, HttpSession session)
			throws IOException {
		PendingPhoto pending = PendingPhoto.of(session, reader);
		if (pending == null) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.parseMediaType(pending.contentType()))
			.header("X-Content-Type-Options", "nosniff")
			.body(new InputStreamResource(this.journey.openPhoto(reader.getReaderId(), pending.fileName())));
	}

	@PostMapping("/start")
	String start(@PathVariable String zoneKey, @ModelAttribute("articleId") Long articleId,
			@AuthenticationPrincipal Reader reader) {
		this.verification.startJourney(Long.parseLong(reader.getReaderId()), zoneKey, articleId);
		return redirectToJourney(zoneKey, articleId);
	}

	@PostMapping("/agreement")
	String decideAgreement(@PathVariable String zoneKey, @ModelAttribute("articleId") Long articleId,
			@RequestParam String choice, @AuthenticationPrincipal Reader reader, HttpServletRequest request) {
		if (!"agree".equals(choice) && !"refuse".equals(choice)) {
			// only the page's two buttons decide: anything else records nothing
			return redirectToJourney(zoneKey, articleId);
		}
		try {
			this.journey.decideAgreement(reader.getReaderId(), zoneKey, "agree".equals(choice),
					request.getRemoteAddr());
		}
		catch (StepNotActiveException | OptimisticLockingException alreadyAnswered) {
			// a double click or a second tab: the current step is shown below
		}
		return redirectToJourney(zoneKey, articleId);
	}

	@PostMapping("/informed-consent")
	String decideInformedConsent(@PathVariable String zoneKey, @ModelAttribute("articleId") Long articleId,
			@RequestParam String choice, @AuthenticationPrincipal Reader reader, HttpServletRequest request) {
		if (!"agree".equals(choice) && !"skip".equals(choice)) {
			return redirectToJourney(zoneKey, articleId);
		}
		try {
			this.journey.decideInformedConsent(reader.getReaderId(), zoneKey, "agree".equals(choice),
					request.getRemoteAddr());
		}
		catch (StepNotActiveException | OptimisticLockingException alreadyAnswered) {
			// as above
		}
		return redirectToJourney(zoneKey, articleId);
	}

	/**
	 * 完善信息. The photo is checked (size, content) and sanitized before anything else;
	 * when the form comes back with errors, a good photo stays with the reader's session, so
	 * nothing typed or uploaded is lost.
	 */
	@PostMapping("/credentials")
	String submitCredentials(@PathVariable String zoneKey, @ModelAttribute("articleId") Long articleId,
			@Validated @ModelAttribute("credentials") CredentialForm form, BindingResult result,
			@RequestParam(name = "photo", required = false) MultipartFile photo,
			@AuthenticationPrincipal Reader reader, HttpSession session, Model model) {
		StoredPhoto accepted = null;
		String photoError = null;
		if (photo != null && !photo.isEmpty()) {
			try {
				accepted = this.photoIntake.accept(photo, reader.getReaderId());
				PendingPhoto.keep(session, reader, accepted);
			}
			catch (PhotoTooLargeException ex) {
				photoError = "credentials.photo.too-large";
			}
			catch (UnacceptablePhotoException ex) {
				photoError = "credentials.photo.type";
			}
		}
		else {
			PendingPhoto pending = PendingPhoto.of(session, reader);
			accepted = (pending != null) ? pending.toStoredPhoto() : null;
		}
		if (!result.hasErrors() && photoError == null) {
			try {
				this.journey.submitCredentials(reader.getReaderId(), zoneKey, form, accepted);
				PendingPhoto.clear(session, reader);
				return redirectToJourney(zoneKey, articleId);
			}
			catch (MissingPhotoException ex) {
				photoError = "credentials.photo.required";
			}
			catch (StepNotActiveException | OptimisticLockingException alreadySubmitted) {
				return redirectToJourney(zoneKey, articleId);
			}
		}
		model.addAttribute("photoError", photoError);
		addCredentialContext(reader, zoneKey, session, model);
		return VIEW_CREDENTIALS;
	}

	@PostMapping("/questions")
	String answerQuestions(@PathVariable String zoneKey, @ModelAttribute("articleId") Long articleId,
			@ModelAttribute("questionsForm") QuestionsForm form, BindingResult result,
			@AuthenticationPrincipal Reader reader, Model model) {
		this.journey.validateAnswers(zoneKey, form, result);
		if (!result.hasErrors()) {
			try {
				this.journey.answerQuestions(reader.getReaderId(), zoneKey, form);
				return redirectToJourney(zoneKey, articleId);
			}
			catch (StepNotActiveException | OptimisticLockingException alreadyAnswered) {
				return redirectToJourney(zoneKey, articleId);
			}
		}
		addQuestionsContext(reader, zoneKey, model);
		return VIEW_QUESTIONS;
	}

	private String showStep(String step, Reader reader, String zoneKey, HttpSession session, Model model) {
		switch (step) {
			case ZoneAccessProcess.TASK_ACCEPT_AGREEMENT:
				return VIEW_AGREEMENT;
			case ZoneAccessProcess.TASK_INFORMED_CONSENT:
				return VIEW_INFORMED_CONSENT;
			case HcpVerificationProcess.TASK_SUBMIT_CREDENTIALS:
			case HcpVerificationProcess.TASK_RESUBMIT_CREDENTIALS:
				CredentialForm form = this.journey.latestSubmission(reader.getReaderId())
					.map(CredentialForm::prefilledFrom)
					.orElseGet(CredentialForm::new);
				model.addAttribute("credentials", form);
				addPreviousSubmission(reader, model);
				addPhotoContext(reader, session, model);
				model.addAttribute("resubmission", HcpVerificationProcess.TASK_RESUBMIT_CREDENTIALS.equals(step));
				return VIEW_CREDENTIALS;
			case ZoneAccessProcess.TASK_ANSWER_QUESTIONS:
				QuestionsForm questionsForm = new QuestionsForm();
				this.journey.latestAnswers(reader.getReaderId(), zoneKey)
					.ifPresent(previous -> previous.getAnswers()
						.forEach(a -> questionsForm.getAnswers().put(a.getQuestionId(), a.getText())));
				model.addAttribute("questionsForm", questionsForm);
				addQuestionsContext(reader, zoneKey, model);
				return VIEW_QUESTIONS;
			default:
				model.addAttribute("step", step);
				return VIEW_UNKNOWN_STEP;
		}
	}

	/** The questions, and the staff's note when the last answers were sent back. */
	private void addQuestionsContext(Reader reader, String zoneKey, Model model) {
		model.addAttribute("questions", this.zones.questions(zoneKey));
		this.journey.latestAnswers(reader.getReaderId(), zoneKey)
			.filter(previous -> "rejected".equals(previous.getDecision()))
			.ifPresent(previous -> model.addAttribute("rejectedAnswers", previous));
	}

	private String showFailed(Reader reader, Model model) {
		addPreviousSubmission(reader, model);
		return VIEW_FAILED;
	}

	/** A page that waits on the process: polls the status, or reloads itself without JS. */
	private static String waiting(String view, int seconds, JourneyStep step, Model model) {
		model.addAttribute("refreshSeconds", seconds);
		model.addAttribute("journeyState", state(step));
		return view;
	}

	/** 您已通过…: back to the article asked for, by the link or by what the journey remembers. */
	private String showPassed(String zoneKey, Long articleId, Reader reader, Model model) {
		Long target = (articleId != null) ? articleId
				: this.verification.requestedArticle(reader.getReaderId(), zoneKey).orElse(null);
		model.addAttribute("targetArticleId", target);
		return VIEW_PASSED;
	}

	static String state(JourneyStep step) {
		return (step.step() != null) ? step.kind() + ":" + step.step() : step.kind().name();
	}

	/** What the credential form shows beside the fields when it comes back with errors. */
	private void addCredentialContext(Reader reader, String zoneKey, HttpSession session, Model model) {
		addPreviousSubmission(reader, model);
		addPhotoContext(reader, session, model);
		boolean resubmission = this.verification.activeReaderTask(reader.getReaderId(), zoneKey)
			.map(t -> HcpVerificationProcess.TASK_RESUBMIT_CREDENTIALS.equals(t.getTaskDefinitionKey()))
			.orElse(false);
		model.addAttribute("resubmission", resubmission);
	}

	private void addPhotoContext(Reader reader, HttpSession session, Model model) {
		model.addAttribute("maxPhotoSize", this.photoIntake.getMaxPhotoSize().toMegabytes() + " MB");
		model.addAttribute("pendingPhoto", PendingPhoto.of(session, reader));
	}

	private void addPreviousSubmission(Reader reader, Model model) {
		this.journey.latestSubmission(reader.getReaderId()).ifPresent(p -> model.addAttribute("previous", p));
	}

	static String redirectToJourney(String zoneKey, Long articleId) {
		return "redirect:" + UriComponentsBuilder.fromPath("/journey/{zoneKey}")
			.queryParamIfPresent("article", java.util.Optional.ofNullable(articleId))
			.buildAndExpand(zoneKey)
			.toUriString();
	}

}
