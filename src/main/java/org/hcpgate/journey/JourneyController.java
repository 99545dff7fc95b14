package org.hcpgate.journey;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hcpgate.answers.AnswerService;
import org.hcpgate.answers.QuestionsForm;
import org.hcpgate.credentials.CredentialForm;
import org.hcpgate.credentials.CredentialService;
import org.hcpgate.forms.FormCheck;
import org.hcpgate.forms.FormError;
import org.hcpgate.forms.FormField;
import org.hcpgate.forms.ReaderForm;
import org.hcpgate.processes.FormSteps;
import org.hcpgate.processes.HcpVerificationProcess;
import org.hcpgate.processes.ZoneAccessProcess;
import org.hcpgate.professions.ProfessionCatalogue;
import org.hcpgate.readers.Reader;
import org.hcpgate.vault.MissingDocumentException;
import org.hcpgate.verification.ZoneAccessService;
import org.hcpgate.zones.Zone;
import org.hcpgate.zones.ZoneService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The reader's journey into a zone. Which page shows is the processes' choice: the step
 * of the reader's active task, "in review" while staff hold a task, or the end the
 * journey took. A GET only shows; every change is a POST that redirects back to the GET.
 */
@Controller
@RequestMapping("/journey/{zoneKey}")
class JourneyController {

	static final String VIEW_START = "journey/start";

	static final String VIEW_AGREEMENT = "journey/agreement";

	static final String VIEW_INFORMED_CONSENT = "journey/informed-consent";

	static final String VIEW_CREDENTIALS = "journey/credentials";

	static final String VIEW_QUESTIONS = "journey/questions";

	static final String VIEW_FORM = "journey/form";

	static final String VIEW_IN_REVIEW = "journey/in-review";

	static final String VIEW_PROCESSING = "journey/processing";

	static final String VIEW_PASSED = "journey/passed";

	static final String VIEW_REFUSED = "journey/refused";

	static final String VIEW_FAILED = "journey/failed";

	static final String VIEW_UNKNOWN_STEP = "journey/unknown-step";

	/** How often a waiting page looks again: a review takes a while, a job a moment. */
	static final int IN_REVIEW_REFRESH_SECONDS = 10;

	static final int PROCESSING_REFRESH_SECONDS = 2;

	/** The credential form's documents, kept across its two tasks (submit, resubmit). */
	static final String CREDENTIALS_STEP = "credentials";

	static final String PHOTO_FIELD = "photo";

	private final JourneyService journey;

	private final ZoneService zones;

	private final CredentialService credentials;

	private final AnswerService answers;

	private final ProfessionCatalogue professions;

	private final ZoneAccessService zoneAccess;

	private final ObjectProvider<AfterJourney> afterJourney;

	private final StepUploads uploads;

	JourneyController(JourneyService journey, ZoneService zones, CredentialService credentials, AnswerService answers,
			ProfessionCatalogue professions, ZoneAccessService zoneAccess, ObjectProvider<AfterJourney> afterJourney,
			StepUploads uploads) {
		this.uploads = uploads;
		this.afterJourney = afterJourney;
		this.professions = professions;
		this.zoneAccess = zoneAccess;
		this.journey = journey;
		this.zones = zones;
		this.credentials = credentials;
		this.answers = answers;
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
		JourneyStep step = this.journey.currentStep(reader.getReaderId(), zoneKey);
		return switch (step.kind()) {
			case NOT_STARTED -> VIEW_START;
			case READER_STEP -> showStep(step.step(), reader, zoneKey, session, model);
			case IN_REVIEW -> waiting(VIEW_IN_REVIEW, IN_REVIEW_REFRESH_SECONDS, step, model);
			case PROCESSING -> waiting(VIEW_PROCESSING, PROCESSING_REFRESH_SECONDS, step, model);
			case GRANTED -> showPassed(zoneKey, articleId, reader, model);
			case ENDED -> switch (step.step()) {
				case ZoneAccessProcess.END_AGREEMENT_REFUSED -> VIEW_REFUSED;
				case ZoneAccessProcess.END_VERIFICATION_FAILED -> showFailed(reader, model);
				default -> VIEW_START;
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
		JourneyStep step = this.journey.currentStep(reader.getReaderId(), zoneKey);
		Map<String, String> body = new LinkedHashMap<>();
		body.put("kind", step.kind().name());
		body.put("step", step.step());
		body.put("state", state(step));
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
	}

	/**
	 * The photo the reader sent with a form that came back with errors (kept, not lost).
	 */
	@GetMapping("/pending-photo")
	ResponseEntity<InputStreamResource> pendingPhoto(@AuthenticationPrincipal Reader reader, HttpSession session)
			throws IOException {
		PendingDocument pending = this.uploads.kept(session, reader, CREDENTIALS_STEP).get(PHOTO_FIELD);
		if (pending == null) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.parseMediaType(pending.contentType()))
			.header("X-Content-Type-Options", "nosniff")
			.body(new InputStreamResource(this.credentials.openPhoto(reader.getReaderId(), pending.fileName())));
	}

	@PostMapping("/start")
	String start(@PathVariable String zoneKey, @ModelAttribute("articleId") Long articleId,
			@AuthenticationPrincipal Reader reader) {
		if (this.zoneAccess.professionNotAdmitted(reader.getReaderId(), this.zones.get(zoneKey)).isPresent()) {
			// verified, of a profession the zone does not admit: a journey would change
			// nothing; the article says why
			return (articleId != null) ? "redirect:/articles/" + articleId : "redirect:/";
		}
		this.journey.start(reader.getReaderId(), zoneKey, articleId);
		return redirectToJourney(zoneKey, articleId);
	}

	/**
	 * 同意 / 拒绝 on the agreement, 同意 / 不同意并跳过 on the informed consent: only the page's own
	 * buttons decide; any other choice records nothing.
	 */
	@PostMapping("/{consentStep:agreement|informed-consent}")
	String decideConsent(@PathVariable String zoneKey, @PathVariable String consentStep,
			@ModelAttribute("articleId") Long articleId, @RequestParam String choice,
			@AuthenticationPrincipal Reader reader, HttpServletRequest request) {
		ConsentStep step = ConsentStep.ofPath(consentStep).orElseThrow();
		step.agreed(choice)
			.ifPresent(agreed -> this.journey.decideConsent(reader.getReaderId(), zoneKey, step, agreed,
					request.getRemoteAddr()));
		return redirectToJourney(zoneKey, articleId);
	}

	/**
	 * 完善信息. The photo is checked (size, content) and sanitized before anything else; when
	 * the form comes back with errors, a good photo stays with the reader's session, so
	 * nothing typed or uploaded is lost.
	 */
	@PostMapping("/credentials")
	String submitCredentials(@PathVariable String zoneKey, @ModelAttribute("articleId") Long articleId,
			@Validated @ModelAttribute("credentials") CredentialForm form, BindingResult result,
			@AuthenticationPrincipal Reader reader, HttpSession session, HttpServletRequest request, Model model) {
		Optional<String> step = this.journey.activeCredentialStep(reader.getReaderId(), zoneKey);
		if (step.isEmpty()) {
			// sent twice, or after the step moved on: nothing is stored, the page shows
			// where it stands
			return redirectToJourney(zoneKey, articleId);
		}
		this.credentials.validate(form, result);
		StepUploads.Received photo = this.uploads.receive(request, session, reader, CREDENTIALS_STEP,
				List.of(PHOTO_FIELD));
		FormError photoError = photo.errors().get(PHOTO_FIELD);
		if (!result.hasErrors() && photoError == null) {
			try {
				this.journey.submitCredentials(reader.getReaderId(), zoneKey, form, photo.documents().get(PHOTO_FIELD));
				photo.taken(session);
				return redirectToJourney(zoneKey, articleId);
			}
			catch (StepNotActiveException sentTwice) {
				photo.lostTheRace(session);
				return redirectToJourney(zoneKey, articleId);
			}
			catch (MissingDocumentException ex) {
				photo.forgetExpired();
				photoError = new FormError("credentials.photo.required", List.of());
			}
		}
		photo.keep(session);
		model.addAttribute("photoError", (photoError != null) ? photoError.code() : null);
		addCredentialContext(reader, session, model,
				HcpVerificationProcess.TASK_RESUBMIT_CREDENTIALS.equals(step.get()));
		return VIEW_CREDENTIALS;
	}

	@PostMapping("/questions")
	String answerQuestions(@PathVariable String zoneKey, @ModelAttribute("articleId") Long articleId,
			@ModelAttribute("questionsForm") QuestionsForm form, BindingResult result,
			@AuthenticationPrincipal Reader reader, Model model) {
		this.answers.validate(zoneKey, form, result);
		if (!result.hasErrors()) {
			this.journey.answerQuestions(reader.getReaderId(), zoneKey, form);
			return redirectToJourney(zoneKey, articleId);
		}
		addQuestionsContext(reader, zoneKey, model);
		return VIEW_QUESTIONS;
	}

	/**
	 * A reader step from a Camunda Form. The form is the one of the task that is active
	 * now, never one the request names; documents take the way in of every upload, and a
	 * document accepted with answers that came back stays with the session.
	 */
	@PostMapping("/form/{taskKey}")
	String submitForm(@PathVariable String zoneKey, @PathVariable String taskKey,
			@ModelAttribute("articleId") Long articleId, @AuthenticationPrincipal Reader reader, HttpSession session,
			HttpServletRequest request, Model model) {
		Optional<FormStep> active = this.journey.activeFormStep(reader.getReaderId(), zoneKey)
			.filter(step -> step.taskKey().equals(taskKey));
		if (active.isEmpty()) {
			return redirectToJourney(zoneKey, articleId);
		}
		ReaderForm form = active.get().form();
		StepUploads.Received documents = this.uploads.receive(request, session, reader, taskKey,
				form.inputs().stream().filter(FormField::isDocument).map(FormField::key).toList());
		Map<String, List<String>> sent = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> sent.put(name, List.of(values)));
		FormCheck check = form.check(sent, documents.fields());
		Map<String, FormError> errors = new LinkedHashMap<>(check.errors());
		errors.putAll(documents.errors());
		if (errors.isEmpty()) {
			try {
				this.journey.submitForm(reader.getReaderId(), zoneKey, taskKey, form, check, documents.documents());
				documents.taken(session);
				return redirectToJourney(zoneKey, articleId);
			}
			catch (StepNotActiveException sentTwice) {
				documents.lostTheRace(session);
				return redirectToJourney(zoneKey, articleId);
			}
			catch (MissingDocumentException expired) {
				documents.forgetExpired().forEach(key -> errors.put(key, FormError.documentRequired()));
			}
		}
		documents.keep(session);
		model.addAttribute("formStep", active.get());
		model.addAttribute("values", sent);
		model.addAttribute("errors", errors);
		model.addAttribute("documents", documents.byField());
		model.addAttribute("maxPhotoSize", this.uploads.maxSize());
		return VIEW_FORM;
	}

	/**
	 * A step answered twice (a double click, a second tab, another node first): nothing
	 * was changed, and the reader sees where the journey stands now.
	 */
	@ExceptionHandler(StepNotActiveException.class)
	String stepNotActive(HttpServletRequest request) {
		@SuppressWarnings("unchecked")
		Map<String, String> path = (Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		return redirectToJourney(path.get("zoneKey"), articleParameter(request));
	}

	private String showStep(String step, Reader reader, String zoneKey, HttpSession session, Model model) {
		if (FormSteps.isFormStep(step)) {
			return showForm(reader, zoneKey, session, model);
		}
		switch (step) {
			case ZoneAccessProcess.TASK_ACCEPT_AGREEMENT:
				return VIEW_AGREEMENT;
			case ZoneAccessProcess.TASK_INFORMED_CONSENT:
				return VIEW_INFORMED_CONSENT;
			case HcpVerificationProcess.TASK_SUBMIT_CREDENTIALS:
			case HcpVerificationProcess.TASK_RESUBMIT_CREDENTIALS:
				CredentialForm form = this.credentials.prefilled(reader.getReaderId()).orElseGet(CredentialForm::new);
				model.addAttribute("credentials", form);
				addCredentialContext(reader, session, model,
						HcpVerificationProcess.TASK_RESUBMIT_CREDENTIALS.equals(step));
				return VIEW_CREDENTIALS;
			case ZoneAccessProcess.TASK_ANSWER_QUESTIONS:
				model.addAttribute("questionsForm", this.answers.prefilled(reader.getReaderId(), zoneKey));
				addQuestionsContext(reader, zoneKey, model);
				return VIEW_QUESTIONS;
			default:
				model.addAttribute("step", step);
				return VIEW_UNKNOWN_STEP;
		}
	}

	private String showForm(Reader reader, String zoneKey, HttpSession session, Model model) {
		Optional<FormStep> step = this.journey.activeFormStep(reader.getReaderId(), zoneKey);
		if (step.isEmpty()) {
			// moved on between the two reads: the processing page looks again
			return waiting(VIEW_PROCESSING, PROCESSING_REFRESH_SECONDS, JourneyStep.of(JourneyStep.Kind.PROCESSING),
					model);
		}
		Map<String, List<String>> values = new LinkedHashMap<>();
		this.journey.previousAnswers(reader.getReaderId(), step.get().form().id())
			.ifPresent(previous -> previous.values().forEach((key, value) -> {
				if (value instanceof List<?> list) {
					values.put(key, list.stream().map(String::valueOf).toList());
				}
				else if (!(value instanceof Map)) {
					values.put(key, List.of(String.valueOf(value)));
				}
			}));
		model.addAttribute("formStep", step.get());
		model.addAttribute("values", values);
		model.addAttribute("errors", Map.of());
		model.addAttribute("documents", this.uploads.kept(session, reader, step.get().taskKey()));
		model.addAttribute("maxPhotoSize", this.uploads.maxSize());
		return VIEW_FORM;
	}

	/** The questions, and the staff's note when the last answers were sent back. */
	private void addQuestionsContext(Reader reader, String zoneKey, Model model) {
		model.addAttribute("questions", this.zones.questions(zoneKey));
		this.answers.latest(reader.getReaderId(), zoneKey)
			.filter(previous -> HcpVerificationProcess.DECISION_REJECTED.equals(previous.getDecision()))
			.ifPresent(previous -> model.addAttribute("rejectedAnswers", previous));
	}

	private String showFailed(Reader reader, Model model) {
		addPreviousSubmission(reader, model);
		return VIEW_FAILED;
	}

	/**
	 * A page that waits on the process: polls the status, or reloads itself without JS.
	 */
	private static String waiting(String view, int seconds, JourneyStep step, Model model) {
		model.addAttribute("refreshSeconds", seconds);
		model.addAttribute("journeyState", state(step));
		return view;
	}

	/**
	 * 您已通过…: where a feature above the journey waits for the reader (a partner site),
	 * else back to the article asked for, by the link or by what the journey remembers.
	 */
	private String showPassed(String zoneKey, Long articleId, Reader reader, Model model) {
		String target = this.afterJourney.orderedStream()
			.map(after -> after.returnPath(reader.getReaderId(), zoneKey))
			.flatMap(Optional::stream)
			.findFirst()
			.orElseGet(() -> Optional.ofNullable(articleId)
				.or(() -> this.journey.requestedArticle(reader.getReaderId(), zoneKey))
				.map(id -> "/articles/" + id)
				.orElse("/"));
		model.addAttribute("target", target);
		return VIEW_PASSED;
	}

	static String state(JourneyStep step) {
		return (step.step() != null) ? step.kind() + ":" + step.step() : step.kind().name();
	}

	/** What the credential form shows beside the fields. */
	private void addCredentialContext(Reader reader, HttpSession session, Model model, boolean resubmission) {
		addPreviousSubmission(reader, model);
		model.addAttribute("maxPhotoSize", this.uploads.maxSize());
		model.addAttribute("professions", this.professions.active());
		model.addAttribute("titles", this.professions.titlesByProfession());
		model.addAttribute("departments", this.professions.departments());
		model.addAttribute("pendingPhoto", this.uploads.kept(session, reader, CREDENTIALS_STEP).get(PHOTO_FIELD));
		model.addAttribute("resubmission", resubmission);
	}

	private void addPreviousSubmission(Reader reader, Model model) {
		this.credentials.latest(reader.getReaderId()).ifPresent(p -> model.addAttribute("previous", p));
	}

	private static Long articleParameter(HttpServletRequest request) {
		try {
			return Optional.ofNullable(request.getParameter("article")).map(Long::valueOf).orElse(null);
		}
		catch (NumberFormatException notAnArticle) {
			return null;
		}
	}

	static String redirectToJourney(String zoneKey, Long articleId) {
		return "redirect:" + UriComponentsBuilder.fromPath("/journey/{zoneKey}")
			.queryParamIfPresent("article", Optional.ofNullable(articleId))
			.buildAndExpand(zoneKey)
			.toUriString();
	}

}
