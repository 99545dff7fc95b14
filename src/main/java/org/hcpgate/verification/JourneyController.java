package org.hcpgate.verification;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.hcpgate.accounts.Reader;
import org.hcpgate.zones.Zone;
import org.hcpgate.zones.ZoneService;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;

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

	JourneyController(VerificationService verification, JourneyService journey, ZoneService zones) {
		this.verification = verification;
		this.journey = journey;
		this.zones = zones;
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
			@AuthenticationPrincipal Reader reader, Model model) {
		JourneyStep step = this.verification.currentStep(reader.getReaderId(), zoneKey);
		return switch (step.kind()) {
			case NOT_STARTED -> start(zoneKey, articleId, reader);
			case READER_STEP -> showStep(step.step(), reader, zoneKey, model);
			case IN_REVIEW -> refreshing(VIEW_IN_REVIEW, IN_REVIEW_REFRESH_SECONDS, model);
			case PROCESSING -> refreshing(VIEW_PROCESSING, PROCESSING_REFRESH_SECONDS, model);
			case GRANTED -> VIEW_PASSED;
			case ENDED -> switch (step.step()) {
				case ZoneAccessProcess.END_AGREEMENT_REFUSED -> VIEW_REFUSED;
				case ZoneAccessProcess.END_VERIFICATION_FAILED -> showFailed(reader, model);
				default -> start(zoneKey, articleId, reader);
			};
		};
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
		try {
			this.journey.decideInformedConsent(reader.getReaderId(), zoneKey, "agree".equals(choice),
					request.getRemoteAddr());
		}
		catch (StepNotActiveException | OptimisticLockingException alreadyAnswered) {
			// as above
		}
		return redirectToJourney(zoneKey, articleId);
	}

	@PostMapping("/credentials")
	String submitCredentials(@PathVariable String zoneKey, @ModelAttribute("articleId") Long articleId,
			@Validated @ModelAttribute("credentials") CredentialForm form, BindingResult result,
			@RequestParam(name = "photo", required = false) MultipartFile photo,
			@AuthenticationPrincipal Reader reader, Model model) {
		if (!result.hasErrors()) {
			try {
				this.journey.submitCredentials(reader.getReaderId(), zoneKey, form, photo);
				return redirectToJourney(zoneKey, articleId);
			}
			catch (UnacceptablePhotoException ex) {
				result.reject("credentials.photo.type");
			}
			catch (MissingPhotoException ex) {
				result.reject("credentials.photo.required");
			}
			catch (StepNotActiveException | OptimisticLockingException alreadySubmitted) {
				return redirectToJourney(zoneKey, articleId);
			}
		}
		addCredentialContext(reader, zoneKey, model);
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

	private String showStep(String step, Reader reader, String zoneKey, Model model) {
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

	private static String refreshing(String view, int seconds, Model model) {
		model.addAttribute("refreshSeconds", seconds);
		return view;
	}

	/** What the credential form shows beside the fields when it comes back with errors. */
	private void addCredentialContext(Reader reader, String zoneKey, Model model) {
		addPreviousSubmission(reader, model);
		boolean resubmission = this.verification.activeReaderTask(reader.getReaderId(), zoneKey)
			.map(t -> HcpVerificationProcess.TASK_RESUBMIT_CREDENTIALS.equals(t.getTaskDefinitionKey()))
			.orElse(false);
		model.addAttribute("resubmission", resubmission);
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
