package org.hcpgate.verification;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.task.Task;
import org.hcpgate.consent.Consent.Document;
import org.hcpgate.consent.ConsentService;
import org.hcpgate.zones.Zone;
import org.hcpgate.zones.ZoneQuestion;
import org.hcpgate.zones.ZoneService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * What a reader's answer to a step means: a consent record, a credential submission, and the
 * process moving on — all in one transaction.
 */
@Service
public class JourneyService {

	static final int MAX_ANSWER_LENGTH = 2000;

	private final VerificationService verification;

	private final ConsentService consents;

	private final ZoneService zones;

	private final CredentialSubmissionRepository submissions;

	private final HcpVerificationService hcpVerifications;

	private final LicencePhotoStore photos;

	private final AnswerSetRepository answerSets;

	JourneyService(VerificationService verification, ConsentService consents, ZoneService zones,
			CredentialSubmissionRepository submissions, HcpVerificationService hcpVerifications,
			LicencePhotoStore photos, AnswerSetRepository answerSets) {
		this.verification = verification;
		this.consents = consents;
		this.zones = zones;
		this.submissions = submissions;
		this.hcpVerifications = hcpVerifications;
		this.photos = photos;
		this.answerSets = answerSets;
	}

	@Transactional
	public void decideAgreement(String readerId, String zoneKey, boolean agreed, String clientAddress) {
		Zone zone = this.zones.get(zoneKey);
		Task task = this.verification.completeReaderStep(readerId, zoneKey,
				Map.of(ZoneAccessProcess.VAR_AGREEMENT_ACCEPTED, agreed), ZoneAccessProcess.TASK_ACCEPT_AGREEMENT);
		this.consents.record(readerId, zoneKey, Document.AGREEMENT, zone.getAgreementVersion(), agreed,
				clientAddress, task.getProcessInstanceId(), task.getId());
	}

	@Transactional
	public void decideInformedConsent(String readerId, String zoneKey, boolean agreed, String clientAddress) {
		Zone zone = this.zones.get(zoneKey);
		Task task = this.verification.completeReaderStep(readerId, zoneKey,
				Map.of(ZoneAccessProcess.VAR_INFORMED_CONSENT_GIVEN, agreed), ZoneAccessProcess.TASK_INFORMED_CONSENT);
		this.consents.record(readerId, zoneKey, Document.INFORMED_CONSENT, zone.getInformedConsentVersion(), agreed,
				clientAddress, task.getProcessInstanceId(), task.getId());
	}

	/**
	 * Saves a new attempt (earlier ones stay) and completes the submit or resubmit step. On a
	 * resubmission without a new file, the previous photo is kept.
	 * @param photo the photo {@link PhotoIntake} accepted for this attempt, or null
	 * @throws MissingPhotoException when there is neither a new photo nor an earlier one
	 */
	@Transactional
	public CredentialSubmission submitCredentials(String readerId, String zoneKey, CredentialForm form,
			StoredPhoto photo) {
		Task task = this.verification.requireReaderStep(readerId, zoneKey,
				HcpVerificationProcess.TASK_SUBMIT_CREDENTIALS, HcpVerificationProcess.TASK_RESUBMIT_CREDENTIALS);
		Optional<CredentialSubmission> previous = latestSubmission(readerId);
		StoredPhoto stored = (photo != null) ? photo
				: previous.map(p -> new StoredPhoto(p.getPhotoFile(), p.getPhotoContentType()))
					.orElseThrow(MissingPhotoException::new);
		// Attempts count within one verification: a re-verification starts again at 1.
		String verificationId = task.getProcessInstanceId();
		int attempt = this.submissions.findFirstByVerificationIdOrderByAttemptDesc(verificationId)
			.map(p -> p.getAttempt() + 1)
			.orElse(1);
		CredentialSubmission submission = this.submissions
			.saveAndFlush(new CredentialSubmission(readerId, verificationId, attempt, form, stored));
		this.verification.complete(task, Map.of(HcpVerificationProcess.VAR_SUBMISSION_ID, submission.getId(),
				HcpVerificationProcess.VAR_ATTEMPT, attempt));
		this.hcpVerifications.markInReview(readerId);
		return submission;
	}

	/**
	 * Checks the answers against the zone's questions: required ones answered, choices among
	 * the options, nothing too long. Errors go to {@code answers[<question id>]}.
	 */
	@Transactional(readOnly = true)
	public void validateAnswers(String zoneKey, QuestionsForm form, Errors errors) {
		for (ZoneQuestion question : this.zones.questions(zoneKey)) {
			String field = "answers[" + question.getId() + "]";
			String answer = form.answerTo(question.getId());
			if (answer.isEmpty()) {
				if (question.isRequired()) {
					errors.rejectValue(field, "validation.required");
				}
			}
			else if (answer.length() > MAX_ANSWER_LENGTH) {
				errors.rejectValue(field, "validation.too-long");
			}
			else if (question.isSingleChoice() && !question.getOptions().contains(answer)) {
				errors.rejectValue(field, "questions.invalid-choice");
			}
		}
	}

	/** Saves a new answer set (earlier ones stay) and completes {@code answer-questions}. */
	@Transactional
	public AnswerSet answerQuestions(String readerId, String zoneKey, QuestionsForm form) {
		Task task = this.verification.requireReaderStep(readerId, zoneKey, ZoneAccessProcess.TASK_ANSWER_QUESTIONS);
		AnswerSet answers = new AnswerSet(readerId, zoneKey, task.getProcessInstanceId());
		for (ZoneQuestion question : this.zones.questions(zoneKey)) {
			String answer = form.answerTo(question.getId());
			if (!answer.isEmpty()) {
				answers.add(question.getId(), answer);
			}
		}
		AnswerSet saved = this.answerSets.saveAndFlush(answers);
		this.verification.complete(task, Map.of(ZoneAccessProcess.VAR_ANSWER_SET_ID, saved.getId()));
		return saved;
	}

	/** The reader's latest answers to the zone's questions, loaded with them (for the page). */
	@Transactional(readOnly = true)
	public Optional<AnswerSet> latestAnswers(String readerId, String zoneKey) {
		Optional<AnswerSet> latest = this.answerSets.findFirstByReaderIdAndZoneKeyOrderBySubmittedAtDescIdDesc(readerId,
				zoneKey);
		latest.ifPresent(answers -> org.hibernate.Hibernate.initialize(answers.getAnswers()));
		return latest;
	}

	@Transactional(readOnly = true)
	public Optional<CredentialSubmission> latestSubmission(String readerId) {
		return this.submissions.findFirstByReaderIdOrderBySubmittedAtDescIdDesc(readerId);
	}

	/** One of the reader's own submissions; empty for anyone else's. */
	@Transactional(readOnly = true)
	public Optional<CredentialSubmission> ownSubmission(String readerId, long submissionId) {
		return this.submissions.findById(submissionId).filter(s -> s.getReaderId().equals(readerId));
	}

	/**
	 * One of the reader's own photos, in clear, from the store; the reader id is the
	 * encryption's associated data, so another reader's file cannot be opened this way.
	 */
	public java.io.InputStream openPhoto(String readerId, String fileName) throws java.io.IOException {
		return this.photos.open(fileName, readerId);
	}

	@Transactional(readOnly = true)
	public List<CredentialSubmission> submissions(String readerId) {
		return this.submissions.findByReaderIdOrderBySubmittedAtDesc(readerId);
	}

}
