package org.hcpgate.journey;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.hcpgate.answers.AnswerService;
import org.hcpgate.answers.QuestionsForm;
import org.hcpgate.credentials.CredentialForm;
import org.hcpgate.credentials.CredentialService;
import org.hcpgate.vault.MissingDocumentException;
import org.hcpgate.credentials.PendingPhoto;
import org.hcpgate.vault.UploadIntake;
import org.hcpgate.vault.UploadQuotaExceededException;
import org.hcpgate.vault.UploadTooLargeException;
import org.hcpgate.vault.StoredDocument;
import org.hcpgate.vault.UnacceptableDocumentException;
import org.hcpgate.forms.FormCheck;
import org.hcpgate.forms.FormError;
import org.hcpgate.forms.FormField;
import org.hcpgate.forms.ReaderForm;
import org.hcpgate.processes.FormSteps;
import org.hcpgate.professions.ProfessionCatalogue;
import org.hcpgate.verification.ZoneAccessService;
import org.hcpgate.processes.HcpVerificationProcess;
import org.hcpgate.processes.ZoneAccessProcess;
import org.hcpgate.readers.Reader;
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
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartRequest;
import org.springframework.web.util.WebUtils;
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

	private final JourneyService journey;

	private final ZoneService zones;

	private final CredentialService credentials;

	private final AnswerService answers;

	private final ProfessionCatalogue professions;

	private final ZoneAccessService zoneAccess;

	private final ObjectProvider<AfterJourney> afterJourney;

	JourneyController(JourneyService journey, ZoneService zones, CredentialService credentials, AnswerService answers,
			ProfessionCatalogue professions, ZoneAccessService zoneAccess, ObjectProvider<AfterJourney> afterJourney) {
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
		PendingPhoto pending = PendingPhoto.of(session, reader);
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
			@RequestParam(name = "photo", required = false) MultipartFile photo, @AuthenticationPrincipal Reader reader,
			HttpSession session, HttpServletRequest request, Model model) {
		Optional<String> step = this.journey.activeCredentialStep(reader.getReaderId(), zoneKey);
		if (step.isEmpty()) {
			// sent twice, or after the step moved on: nothing is stored, the page shows
			// where it stands
			return redirectToJourney(zoneKey, articleId);
		}
		this.credentials.validate(form, result);
		StoredDocument accepted = null;
		StoredDocument uploaded = null;
		String photoError = null;
		PendingPhoto pending = PendingPhoto.of(session, reader);
		if (request.getAttribute(UploadIntake.OVERSIZED) != null) {
			// far over the limit: the file was never read, the text fields were
			photoError = "credentials.photo.too-large";
		}
		else if (photo != null && !photo.isEmpty()) {
			try {
				uploaded = this.credentials.acceptPhoto(photo, reader.getReaderId());
				accepted = uploaded;
				if (pending != null) {
					// the new photo replaces the one kept from the last try
					this.credentials.discardPhoto(pending.toStoredDocument(), reader.getReaderId());
				}
				PendingPhoto.keep(session, reader, accepted);
			}
			catch (UploadTooLargeException ex) {
				photoError = "credentials.photo.too-large";
			}
			catch (UploadQuotaExceededException ex) {
				photoError = "credentials.photo.quota";
			}
			catch (UnacceptableDocumentException ex) {
				photoError = "credentials.photo.type";
			}
		}
		else {
			accepted = (pending != null) ? pending.toStoredDocument() : null;
		}
		if (!result.hasErrors() && photoError == null) {
			try {
				this.journey.submitCredentials(reader.getReaderId(), zoneKey, form, accepted);
				PendingPhoto.clear(session, reader);
				return redirectToJourney(zoneKey, articleId);
			}
			catch (StepNotActiveException sentTwice) {
				// a double click: the other request took the step with its own photo;
				// this one's photo is no one's and goes now
				if (uploaded != null) {
					this.credentials.discardPhoto(uploaded, reader.getReaderId());
					PendingPhoto.clear(session, reader);
				}
				return redirectToJourney(zoneKey, articleId);
			}
			catch (MissingDocumentException ex) {
				photoError = "credentials.photo.required";
			}
		}
		model.addAttribute("photoError", photoError);
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
	 * now, never one the request names; documents go through the licence photo's checks,
	 * and a document accepted with answers that came back stays with the session.
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
		PendingDocuments pending = PendingDocuments.of(session, reader, taskKey);
		Map<String, FormError> documentErrors = new LinkedHashMap<>();
		List<StoredDocument> uploaded = new ArrayList<>();
		for (FormField field : form.inputs()) {
			if (!field.isDocument()) {
				continue;
			}
			MultipartRequest multipart = WebUtils.getNativeRequest(request, MultipartRequest.class);
			MultipartFile file = (multipart != null) ? multipart.getFile(field.key()) : null;
			if (request.getAttribute(UploadIntake.OVERSIZED) != null) {
				documentErrors.put(field.key(), new FormError("credentials.photo.too-large", List.of(maxPhotoSize())));
			}
			else if (file != null && !file.isEmpty()) {
				try {
					StoredDocument accepted = this.credentials.acceptPhoto(file, reader.getReaderId());
					uploaded.add(accepted);
					PendingPhoto replaced = pending.byField()
						.put(field.key(),
								new PendingPhoto(reader.getReaderId(), accepted.fileName(), accepted.contentType()));
					if (replaced != null) {
						this.credentials.discardPhoto(replaced.toStoredDocument(), reader.getReaderId());
					}
				}
				catch (UploadTooLargeException ex) {
					documentErrors.put(field.key(),
							new FormError("credentials.photo.too-large", List.of(maxPhotoSize())));
				}
				catch (UploadQuotaExceededException ex) {
					documentErrors.put(field.key(), new FormError("credentials.photo.quota", List.of()));
				}
				catch (UnacceptableDocumentException ex) {
					documentErrors.put(field.key(), new FormError("credentials.photo.type", List.of()));
				}
			}
		}
		Map<String, List<String>> sent = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> sent.put(name, List.of(values)));
		FormCheck check = form.check(sent, pending.byField().keySet());
		Map<String, FormError> errors = new LinkedHashMap<>(check.errors());
		errors.putAll(documentErrors);
		if (errors.isEmpty()) {
			try {
				this.journey.submitForm(reader.getReaderId(), zoneKey, taskKey, form, check, pending.documents());
				PendingDocuments.clear(session);
				return redirectToJourney(zoneKey, articleId);
			}
			catch (StepNotActiveException sentTwice) {
				// the other request took the step with its own documents: these are no
				// one's
				uploaded.forEach(document -> this.credentials.discardPhoto(document, reader.getReaderId()));
				PendingDocuments.clear(session);
				return redirectToJourney(zoneKey, articleId);
			}
			catch (MissingDocumentException expired) {
				pending.byField().keySet().forEach(key -> errors.put(key, FormError.documentRequired()));
				pending.byField().clear();
			}
		}
		pending.keep(session);
		model.addAttribute("formStep", active.get());
		model.addAttribute("values", sent);
		model.addAttribute("errors", errors);
		model.addAttribute("documents", pending.byField());
		model.addAttribute("maxPhotoSize", maxPhotoSize());
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
		model.addAttribute("documents", PendingDocuments.of(session, reader, step.get().taskKey()).byField());
		model.addAttribute("maxPhotoSize", maxPhotoSize());
		return VIEW_FORM;
	}

	private String maxPhotoSize() {
		return this.credentials.maxPhotoSize().toMegabytes() + " MB";
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
		model.addAttribute("maxPhotoSize", this.credentials.maxPhotoSize().toMegabytes() + " MB");
		model.addAttribute("professions", this.professions.active());
		model.addAttribute("titles", this.professions.titlesByProfession());
		model.addAttribute("departments", this.professions.departments());
		model.addAttribute("pendingPhoto", PendingPhoto.of(session, reader));
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
