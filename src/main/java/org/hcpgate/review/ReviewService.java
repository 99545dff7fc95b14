package org.hcpgate.review;

import java.time.Instant;
import java.util.List;

import org.hcpgate.answers.AnswerSet;
import org.hcpgate.answers.AnswerSetRepository;
import org.hcpgate.credentials.CredentialSubmission;
import org.hcpgate.credentials.CredentialSubmissionRepository;
import org.hcpgate.notifications.Notice;
import org.hcpgate.notifications.Notification;
import org.hcpgate.notifications.NotificationService;
import org.hcpgate.processes.HcpVerificationProcess;
import org.hcpgate.processes.ZoneAccessProcess;
import org.hcpgate.verification.HcpVerificationService;
import org.hcpgate.verification.ZoneAccessService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff side's business service, called by the delegates and listeners of the models:
 * records each review's outcome on the submission, in the verification and zone-access
 * read models and in the reader's inbox (approval, rejection, final rejection,
 * abandonment, an information review's decision), opens a review round, escalates an
 * overdue review, reopens and revokes verifications; and serves the staff views the
 * submissions and answer sets they look at. Every recording method may run twice (a
 * retried job) and leaves the same state.
 */
@Service
public class ReviewService {

	/** The audited decision of a {@code reopen-verification}. */
	static final String REOPENED = "reopened";

	/** The audited decision of a {@code revoke-verification}. */
	static final String REVOKED = "revoked";

	/** What {@code review_decision.internal_note} holds. */
	private static final int NOTE_LIMIT = 2000;

	private final CredentialSubmissionRepository submissions;

	private final HcpVerificationService verifications;

	private final ZoneAccessService zoneAccess;

	private final AnswerSetRepository answerSets;

	private final ReviewEngine engine;

	private final ReviewDecisionService decisions;

	private final NotificationService notifications;

	ReviewService(CredentialSubmissionRepository submissions, HcpVerificationService verifications,
			ZoneAccessService zoneAccess, AnswerSetRepository answerSets, ReviewEngine engine,
			NotificationService notifications, ReviewDecisionService decisions) {
		this.submissions = submissions;
		this.verifications = verifications;
		this.zoneAccess = zoneAccess;
		this.answerSets = answerSets;
		this.engine = engine;
		this.decisions = decisions;
		this.notifications = notifications;
	}

	/**
	 * A review of the reader's credentials opens: the read model shows the verification
	 * in review (the site's waiting page, the reader's account).
	 */
	@Transactional
	public void openReview(String readerId) {
		this.verifications.markInReview(readerId);
	}

	@Transactional
	public void recordApproval(ReviewDecisionVariables decision) {
		CredentialSubmission submission = recordOnSubmission(decision);
		if (submission != null && decision.correction() != null) {
			submission.correct(decision.correction().profession(), decision.correction().title(),
					decision.reviewedBy());
		}
		this.verifications.markVerified(decision.readerId(),
				(submission != null) ? submission.getEffectiveProfession() : null,
				(submission != null) ? submission.getId() : null);
		tell(decision, Notification.Kind.CREDENTIALS_APPROVED);
	}

	@Transactional
	public void recordRejection(ReviewDecisionVariables decision) {
		recordOnSubmission(decision);
		this.verifications.markRejected(decision.readerId());
		tell(decision, Notification.Kind.CREDENTIALS_REJECTED);
	}

	@Transactional
	public void recordFinalRejection(ReviewDecisionVariables decision) {
		recordOnSubmission(decision);
		this.verifications.markRejectedFinally(decision.readerId());
		tell(decision, Notification.Kind.CREDENTIALS_REJECTED_FINAL);
	}

	/**
	 * Tells the reader of a decision on their credentials, leading back to the journey
	 * that waits for it (the verification is platform-wide; the latest journey is the one
	 * to resume). One notice per submission and kind.
	 */
	private void tell(ReviewDecisionVariables decision, Notification.Kind kind) {
		Object reference = (decision.submissionId() != null) ? decision.submissionId() : decision.readerId();
		Notice notice = Notice.of(decision.readerId(), kind, reference)
			.because(decision.rejectionReasons(), decision.reviewNote());
		String zoneKey = this.engine.zoneOfLatestRunningJourney(decision.readerId()).orElse(null);
		if (zoneKey != null) {
			notice = notice.leadingTo(zoneKey,
					this.zoneAccess.requestedArticle(decision.readerId(), zoneKey).orElse(null));
		}
		this.notifications.notify(notice);
	}

	@Transactional
	public void recordAbandonment(String readerId) {
		this.verifications.markAbandoned(readerId);
	}

	/**
	 * A review that waits too long goes to the review leads as well, and is marked
	 * overdue; it stays open for the reviewers.
	 */
	@Transactional
	public void escalateReview(String processInstanceId) {
		this.engine.escalate(processInstanceId);
	}

	/**
	 * A lead lifts the reader's final rejection: the read model says so (the account page
	 * shows it), the next zone journey starts a new verification, and the audit trail
	 * keeps who did it. Nothing happens for a reader who is not finally rejected.
	 * @param reopening the {@code verification-reopening} instance: the audit row's key
	 */
	@Transactional
	public void reopenVerification(String readerId, String lead, String reopening) {
		if (this.verifications.markReopened(readerId)) {
			this.decisions.record(new ReviewDecision(reopening, HcpVerificationProcess.TASK_REOPEN_VERIFICATION,
					reopening, Instant.now(), REOPENED, lead)
				.about(readerId, null, null, null, null)
				.because(List.of(), null, null));
		}
	}

	/**
	 * A lead revoked the reader's verification: every zone closes at once, and the audit
	 * trail keeps who did it and why (one row per revocation, also when there was nothing
	 * left to revoke).
	 * @param reason the revocation's reason, kept as the row's internal note
	 * @param revocation the {@code verification-revocation} instance: the audit row's key
	 */
	@Transactional
	public void revokeVerification(String readerId, String reason, String revocation) {
		this.verifications.markRevoked(readerId);
		this.zoneAccess.revokeAll(readerId);
		// asynchronous: the job knows no user; the history keeps who started the
		// revocation (null for a caller the engine did not know)
		String revokedBy = this.engine.startedBy(revocation).orElse(null);
		this.decisions.record(new ReviewDecision(revocation, HcpVerificationProcess.TASK_REVOKE_VERIFICATION,
				revocation, Instant.now(), REVOKED, revokedBy)
			.about(readerId, null, null, null, null)
			.because(List.of(), null, clipped(reason)));
	}

	private static String clipped(String reason) {
		return (reason != null && reason.length() > NOTE_LIMIT) ? reason.substring(0, NOTE_LIMIT) : reason;
	}

	/**
	 * @param journey the business key of the zone-access instance that reviewed the
	 * answers: the answer set must be its reader's, in its zone
	 */
	@Transactional
	public void recordInformationDecision(String journey, long answerSetId, String decision, String reviewNote) {
		AnswerSet answers = answerSet(answerSetId);
		if (!ZoneAccessProcess.businessKey(answers.getReaderId(), answers.getZoneKey()).equals(journey)) {
			throw new IllegalStateException("Answer set " + answerSetId + " is not of journey " + journey);
		}
		answers.decide(decision, reviewNote);
		if (HcpVerificationProcess.DECISION_REJECTED.equals(decision)) {
			Long article = this.zoneAccess.requestedArticle(answers.getReaderId(), answers.getZoneKey()).orElse(null);
			this.notifications
				.notify(Notice.of(answers.getReaderId(), Notification.Kind.INFORMATION_REJECTED, answerSetId)
					.leadingTo(answers.getZoneKey(), article)
					.because(java.util.List.of(), reviewNote));
		}
	}

	@Transactional(readOnly = true)
	public AnswerSet answerSet(long id) {
		return this.answerSets.findById(id).orElseThrow(() -> new UnknownSubmissionException(id));
	}

	@Transactional(readOnly = true)
	public CredentialSubmission submission(long id) {
		return this.submissions.findById(id).orElseThrow(() -> new UnknownSubmissionException(id));
	}

	/**
	 * Whether another reader submitted the same licence number (compared by keyed hash).
	 */
	@Transactional(readOnly = true)
	public boolean licenceUsedByAnotherReader(CredentialSubmission submission) {
		return submission.getLicenceNumberHash() != null && this.submissions
			.existsByLicenceNumberHashAndReaderIdNot(submission.getLicenceNumberHash(), submission.getReaderId());
	}

	private CredentialSubmission recordOnSubmission(ReviewDecisionVariables decision) {
		if (decision.submissionId() == null) {
			return null;
		}
		CredentialSubmission submission = submission(decision.submissionId());
		if (!submission.getReaderId().equals(decision.readerId())) {
			// the instance names another reader's submission: record nothing (an
			// incident)
			throw new IllegalStateException(
					"Submission " + submission.getId() + " is not the verified reader's " + decision.readerId());
		}
		submission.decide(decision.decision(), decision.rejectionReasons(), decision.reviewNote());
		return submission;
	}

}
