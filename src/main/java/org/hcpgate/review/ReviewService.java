package org.hcpgate.review;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.hcpgate.verification.AnswerSet;
import org.hcpgate.verification.AnswerSetRepository;
import org.hcpgate.verification.CredentialSubmission;
import org.hcpgate.verification.CredentialSubmissionRepository;
import org.hcpgate.verification.HcpVerificationProcess;
import org.hcpgate.verification.HcpVerificationService;
import org.hcpgate.verification.ZoneAccessService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the outcome of a review on the submission and in the verification read model.
 * Every method may run twice (a retried job) and leaves the same state.
 */
@Service
public class ReviewService {

	/** Group that gets reviews waiting too long (see {@code review-overdue}). */
	public static final String REVIEW_LEADS = "hcp-review-leads";

	private final CredentialSubmissionRepository submissions;

	private final HcpVerificationService verifications;

	private final ZoneAccessService zoneAccess;

	private final AnswerSetRepository answerSets;

	private final TaskService tasks;

	ReviewService(CredentialSubmissionRepository submissions, HcpVerificationService verifications,
			ZoneAccessService zoneAccess, AnswerSetRepository answerSets, TaskService tasks) {
		this.submissions = submissions;
		this.verifications = verifications;
		this.zoneAccess = zoneAccess;
		this.answerSets = answerSets;
		this.tasks = tasks;
	}

	@Transactional
	public void recordApproval(ReviewDecision decision) {
		recordOnSubmission(decision);
		this.verifications.markVerified(decision.readerId());
	}

	@Transactional
	public void recordRejection(ReviewDecision decision) {
		recordOnSubmission(decision);
		this.verifications.markRejected(decision.readerId());
	}

	@Transactional
	public void recordFinalRejection(ReviewDecision decision) {
		recordOnSubmission(decision);
		this.verifications.markRejectedFinally(decision.readerId());
	}

	@Transactional
	public void recordAbandonment(String readerId) {
		this.verifications.markAbandoned(readerId);
	}

	/**
	 * A review that waits too long goes to the review leads as well, and is marked overdue;
	 * it stays open for the reviewers. Adding the group twice adds it once.
	 */
	@Transactional
	public void escalateReview(String processInstanceId) {
		List<Task> open = this.tasks.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(HcpVerificationProcess.TASK_REVIEW_CREDENTIALS)
			.list();
		for (Task task : open) {
			boolean escalated = this.tasks.getIdentityLinksForTask(task.getId())
				.stream()
				.anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType())
						&& REVIEW_LEADS.equals(link.getGroupId()));
			if (!escalated) {
				this.tasks.addCandidateGroup(task.getId(), REVIEW_LEADS);
			}
			// listed by the Tasklist filter 超时 (a stored filter cannot compare with "now")
			this.tasks.setVariableLocal(task.getId(), HcpVerificationProcess.VAR_OVERDUE, Boolean.TRUE);
		}
	}

	/** A lead revoked the reader's verification: every zone closes at once. */
	@Transactional
	public void revokeVerification(String readerId) {
		this.verifications.markRevoked(readerId);
		this.zoneAccess.revokeAll(readerId);
	}

	@Transactional
	public void recordInformationDecision(long answerSetId, String decision, String reviewNote) {
		answerSet(answerSetId).decide(decision, reviewNote);
	}

	@Transactional(readOnly = true)
	public AnswerSet answerSet(long id) {
		return this.answerSets.findById(id).orElseThrow(() -> new UnknownSubmissionException(id));
	}

	@Transactional(readOnly = true)
	public CredentialSubmission submission(long id) {
		return this.submissions.findById(id).orElseThrow(() -> new UnknownSubmissionException(id));
	}

	private void recordOnSubmission(ReviewDecision decision) {
		if (decision.submissionId() == null) {
			return;
		}
		CredentialSubmission submission = submission(decision.submissionId());
		submission.decide(decision.decision(), decision.rejectionReasons(), decision.reviewNote());
	}

}
