package org.hcpgate.journey;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.hcpgate.answers.AnswerService;
import org.hcpgate.answers.AnswerSet;
import org.hcpgate.answers.FormAnswerService.StoredAnswers;
import org.hcpgate.answers.FormAnswerService;
import org.hcpgate.answers.FormAnswers;
import org.hcpgate.answers.QuestionsForm;
import org.hcpgate.consent.ConsentService;
import org.hcpgate.credentials.CredentialForm;
import org.hcpgate.credentials.CredentialService;
import org.hcpgate.credentials.CredentialSubmission;
import org.hcpgate.forms.FormCheck;
import org.hcpgate.forms.FormField;
import org.hcpgate.forms.ReaderForm;
import org.hcpgate.forms.ReaderForms;
import org.hcpgate.forms.UnsupportedFormException;
import org.hcpgate.processes.FormSteps;
import org.hcpgate.processes.HcpVerificationProcess;
import org.hcpgate.processes.ZoneAccessProcess;
import org.hcpgate.vault.MissingDocumentException;
import org.hcpgate.vault.StoredDocument;
import org.hcpgate.verification.ZoneAccessService;
import org.hcpgate.zones.Zone;
import org.hcpgate.zones.UnknownZoneException;
import org.hcpgate.zones.ZoneService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a reader's answer to a step means: a consent record, a credential submission or an
 * answer set, and the process moving on — in one transaction, each step in one pass: find
 * the active task, save, complete.
 */
@Service
public class JourneyService {

	private final JourneyEngine engine;

	private final ConsentService consents;

	private final ZoneService zones;

	private final CredentialService credentials;

	private final AnswerService answers;

	private final FormAnswerService formAnswers;

	private final ZoneAccessService zoneAccess;

	JourneyService(JourneyEngine engine, ConsentService consents, ZoneService zones, CredentialService credentials,
			AnswerService answers, FormAnswerService formAnswers, ZoneAccessService zoneAccess) {
		this.formAnswers = formAnswers;
		this.zoneAccess = zoneAccess;
		this.engine = engine;
		this.consents = consents;
		this.zones = zones;
		this.credentials = credentials;
		this.answers = answers;
	}

	/** Where the reader's journey into the zone stands: what the site shows now. */
	public JourneyStep currentStep(String readerId, String zoneKey) {
		return this.engine.currentStep(readerId, zoneKey);
	}

	/** The article the journey into the zone was started for, if any. */
	public Optional<Long> requestedArticle(String readerId, String zoneKey) {
		return this.zoneAccess.requestedArticle(readerId, zoneKey);
	}

	/**
	 * The reader's active credential step ({@code submit-credentials} or
	 * {@code resubmit-credentials}), if that is the step the journey waits on.
	 */
	public Optional<String> activeCredentialStep(String readerId, String zoneKey) {
		return this.engine.activeReaderTask(readerId, zoneKey)
			.filter(task -> task.isOneOf(HcpVerificationProcess.TASK_SUBMIT_CREDENTIALS,
					HcpVerificationProcess.TASK_RESUBMIT_CREDENTIALS))
			.map(ReaderTask::key);
	}

	/**
	 * The reader's active step, if it is a form step: its form as deployed with the
	 * version of the process the reader follows.
	 * @throws UnsupportedFormException when the form cannot be rendered (a form deployed
	 * before the validation that refuses it)
	 */
	public Optional<FormStep> activeFormStep(String readerId, String zoneKey) {
		return this.engine.activeReaderTask(readerId, zoneKey)
			.filter(task -> FormSteps.isFormStep(task.step()))
			.map(task -> new FormStep(task.key(), ReaderForms.parse(task.key(), this.engine.formOf(task))));
	}

	/** The reader's last answers to a form, to fill it again. */
	public Optional<StoredAnswers> previousAnswers(String readerId, String formId) {
		return this.formAnswers.latest(readerId, formId);
	}

	/**
	 * Saves checked answers to a form step and completes it: the process gets the
	 * answers' id ({@link FormSteps#answersVariable}) and the form's routing fields, no
	 * other answer.
	 * @param documents accepted documents by field key
	 * @throws StepNotActiveException when the step is no longer active, or its form is
	 * not the one the reader answered (nothing is saved)
	 */
	@Transactional
	public FormAnswers submitForm(String readerId, String zoneKey, String taskKey, ReaderForm form, FormCheck check,
			Map<String, StoredDocument> documents) {
		ReaderTask task = this.engine.requireReaderTask(readerId, zoneKey, taskKey);
		if (!FormSteps.isFormStep(task.step()) || !ReaderForms.parse(taskKey, this.engine.formOf(task)).equals(form)) {
			throw new StepNotActiveException(taskKey);
		}
		FormAnswers saved = this.formAnswers.save(readerId, zoneKey, task.processInstanceId(), taskKey, form, check,
				documents);
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put(FormSteps.answersVariable(taskKey), saved.getId());
		for (FormField field : form.routingFields()) {
			variables.put(field.key(), routingValue(check.answers().get(field.key())));
		}
		this.engine.complete(task, variables);
		return saved;
	}

	/** Numbers route as Long when whole, else as Double; JUEL compares either. */
	private static Object routingValue(Object answer) {
		if (answer instanceof BigDecimal number) {
			return (number.stripTrailingZeros().scale() <= 0) ? (Object) number.longValueExact()
					: (Object) number.doubleValue();
		}
		return answer;
	}

	/**
	 * Starts the reader's journey into a zone unless one runs or the zone is open.
	 * @throws UnknownZoneException for a zone an editor has not published: no reader
	 * enters it
	 */
	@Transactional
	public void start(String readerId, String zoneKey, Long requestedArticleId) {
		if (!this.zones.get(zoneKey).isPublished()) {
			throw new UnknownZoneException(zoneKey);
		}
		if (this.engine.startJourney(readerId, zoneKey)) {
			this.zoneAccess.rememberRequest(readerId, zoneKey, requestedArticleId);
		}
	}

	/**
	 * Records the reader's decision on the zone's agreement or informed consent, for the
	 * version in force, and completes the step.
	 * @throws StepNotActiveException when the step is no longer active (nothing is
	 * recorded)
	 */
	@Transactional
	public void decideConsent(String readerId, String zoneKey, ConsentStep step, boolean agreed, String clientAddress) {
		Zone zone = this.zones.get(zoneKey);
		ReaderTask task = this.engine.requireReaderTask(readerId, zoneKey, step.taskKey());
		this.consents.record(readerId, zoneKey, step.document(), step.versionIn(zone), agreed, clientAddress,
				task.processInstanceId(), task.id());
		this.engine.complete(task, Map.of(step.variable(), agreed));
	}

	/**
	 * Saves a new attempt and completes the submit or resubmit step (the review task's
	 * create listener puts the verification in review).
	 * @param photo the photo the vault accepted for this attempt (see
	 * {@link StepUploads}), or null
	 * @throws MissingDocumentException when there is neither a new photo nor an earlier
	 * one
	 * @throws StepNotActiveException when neither step is active (nothing is saved)
	 */
	@Transactional
	public CredentialSubmission submitCredentials(String readerId, String zoneKey, CredentialForm form,
			StoredDocument photo) {
		ReaderTask task = this.engine.requireReaderTask(readerId, zoneKey,
				HcpVerificationProcess.TASK_SUBMIT_CREDENTIALS, HcpVerificationProcess.TASK_RESUBMIT_CREDENTIALS);
		CredentialSubmission submission = this.credentials.saveAttempt(readerId, task.processInstanceId(), form, photo);
		this.engine.complete(task,
				Map.of(HcpVerificationProcess.VAR_SUBMISSION_ID, submission.getId(), HcpVerificationProcess.VAR_ATTEMPT,
						submission.getAttempt(), HcpVerificationProcess.VAR_PROFESSION, submission.getProfession()));
		return submission;
	}

	/**
	 * Saves a new answer set and completes {@code answer-questions}.
	 * @throws StepNotActiveException when the step is no longer active (nothing is saved)
	 */
	@Transactional
	public AnswerSet answerQuestions(String readerId, String zoneKey, QuestionsForm form) {
		ReaderTask task = this.engine.requireReaderTask(readerId, zoneKey, ZoneAccessProcess.TASK_ANSWER_QUESTIONS);
		AnswerSet saved = this.answers.save(readerId, zoneKey, task.processInstanceId(), form);
		this.engine.complete(task, Map.of(ZoneAccessProcess.VAR_ANSWER_SET_ID, saved.getId()));
		return saved;
	}

}
