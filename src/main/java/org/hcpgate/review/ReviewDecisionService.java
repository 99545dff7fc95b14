package org.hcpgate.review;

import java.time.Instant;
import java.util.List;

import org.hcpgate.readers.ReaderDataErased;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The audit trail of staff decisions ({@code review_decision}). A decision is recorded in
 * the transaction that completes its task, so a refused or rolled-back completion leaves
 * no row, and a task is recorded once: a second completion of the same task, which the
 * engine refuses anyway, finds the row and is refused here too.
 */
@Service
public class ReviewDecisionService {

	/** Rows per page of {@code /staff/decisions}. */
	static final int PAGE_SIZE = 50;

	private final ReviewDecisionRepository decisions;

	private final ReviewMetrics metrics;

	ReviewDecisionService(ReviewDecisionRepository decisions, ReviewMetrics metrics) {
		this.decisions = decisions;
		this.metrics = metrics;
	}

	/**
	 * Records a decision in the caller's transaction and counts it once that commits.
	 * @throws ReviewRefusedException when the task was decided in the meantime
	 */
	@Transactional
	public void record(ReviewDecision decision) {
		if (this.decisions.existsByTaskId(decision.getTaskId())) {
			throw new ReviewRefusedException(ReviewRefusal.DECIDED_MEANWHILE, decision.getTaskId());
		}
		try {
			this.decisions.saveAndFlush(decision);
		}
		catch (DataIntegrityViolationException concurrent) {
			throw new ReviewRefusedException(ReviewRefusal.DECIDED_MEANWHILE, decision.getTaskId());
		}
		Runnable count = () -> this.metrics.decided(decision.getTaskKey(), decision.getDecision(),
				decision.getTimeToDecision());
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					count.run();
				}
			});
		}
		else {
			count.run();
		}
	}

	/** Newest first, {@value #PAGE_SIZE} a page. */
	@Transactional(readOnly = true)
	public Page<ReviewDecision> page(int page) {
		return this.decisions.findAllByOrderByDecidedAtDescIdDesc(PageRequest.of(Math.max(page, 0), PAGE_SIZE));
	}

	@Transactional(readOnly = true)
	public List<ReviewDecision> ofSubmission(long submissionId) {
		return this.decisions.findBySubmissionIdOrderByDecidedAtAscIdAsc(submissionId);
	}

	@Transactional(readOnly = true)
	public List<ReviewDecision> ofVerification(String processInstanceId) {
		return this.decisions.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(processInstanceId);
	}

	@Transactional(readOnly = true)
	public List<ReviewDecision> since(Instant since) {
		return this.decisions.findByDecidedAtGreaterThanEqualOrderByDecidedAtAsc(since);
	}

	/**
	 * The decisions quote notes about the reader: they go when the reader's verification
	 * data goes (last agreement withdrawn, account deleted); the erasure record stays.
	 */
	@EventListener
	void onReaderDataErased(ReaderDataErased erased) {
		if (erased.zoneKey() == null) {
			eraseReader(erased.readerId());
		}
		else {
			this.decisions.deleteByReaderIdAndZoneKey(erased.readerId(), erased.zoneKey());
		}
	}

	/**
	 * Erases a reader's decisions (account deletion): they hold notes about the reader.
	 */
	@Transactional
	public long eraseReader(String readerId) {
		return this.decisions.deleteByReaderId(readerId);
	}

}
