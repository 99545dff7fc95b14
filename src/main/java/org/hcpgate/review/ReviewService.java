package org.hcpgate.review;

import org.hcpgate.verification.CredentialSubmission;
import org.hcpgate.verification.CredentialSubmissionRepository;
import org.hcpgate.verification.HcpVerificationService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the outcome of a review on the submission and in the verification read model.
 * Every method may run twice (a retried job) and leaves the same state.
 */
@Service
public class ReviewService {

	private final CredentialSubmissionRepository submissions;

	private final HcpVerificationService verifications;

	ReviewService(CredentialSubmissionRepository submissions, HcpVerificationService verifications) {
		this.submissions = submissions;
		this.verifications = verifications;
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
