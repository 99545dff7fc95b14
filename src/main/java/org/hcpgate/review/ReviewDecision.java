package org.hcpgate.review;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hcpgate.processes.ReasonCodesConverter;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One staff decision on a review task, as it was taken: the audit trail leads read on
 * {@code /staff/decisions}. Written once, in the transaction that completes the task (a
 * task is decided once: {@code task_id} is unique), never changed.
 */
@Entity
@Table(name = "review_decision")
public class ReviewDecision {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "task_id", nullable = false)
	private String taskId;

	@Column(name = "task_key", nullable = false)
	private String taskKey;

	@Column(name = "process_instance_id", nullable = false)
	private String processInstanceId;

	@Column(name = "reader_id")
	private String readerId;

	@Column(name = "submission_id")
	private Long submissionId;

	@Column(name = "answer_set_id")
	private Long answerSetId;

	@Column(name = "zone_key")
	private String zoneKey;

	private Integer attempt;

	@Column(nullable = false)
	private String decision;

	@Column(name = "rejection_reasons")
	@Convert(converter = ReasonCodesConverter.class)
	private List<String> rejectionReasons = List.of();

	@Column(name = "review_note")
	private String reviewNote;

	@Column(name = "internal_note")
	private String internalNote;

	@Column(name = "decided_by")
	private String decidedBy;

	@Column(name = "task_created_at", nullable = false)
	private Instant taskCreatedAt;

	@Column(name = "decided_at", nullable = false)
	private Instant decidedAt;

	protected ReviewDecision() {
	}

	ReviewDecision(String taskId, String taskKey, String processInstanceId, Instant taskCreatedAt, String decision,
			String decidedBy) {
		this.taskId = taskId;
		this.taskKey = taskKey;
		this.processInstanceId = processInstanceId;
		this.taskCreatedAt = taskCreatedAt;
		this.decision = decision;
		this.decidedBy = decidedBy;
		this.decidedAt = Instant.now();
	}

	ReviewDecision about(String readerId, Long submissionId, Long answerSetId, String zoneKey, Integer attempt) {
		this.readerId = readerId;
		this.submissionId = submissionId;
		this.answerSetId = answerSetId;
		this.zoneKey = zoneKey;
		this.attempt = attempt;
		return this;
	}

	ReviewDecision because(List<String> rejectionReasons, String reviewNote, String internalNote) {
		this.rejectionReasons = List.copyOf(rejectionReasons);
		this.reviewNote = blankToNull(reviewNote);
		this.internalNote = blankToNull(internalNote);
		return this;
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	public Long getId() {
		return this.id;
	}

	public String getTaskId() {
		return this.taskId;
	}

	public String getTaskKey() {
		return this.taskKey;
	}

	public String getProcessInstanceId() {
		return this.processInstanceId;
	}

	public String getReaderId() {
		return this.readerId;
	}

	public Long getSubmissionId() {
		return this.submissionId;
	}

	public Long getAnswerSetId() {
		return this.answerSetId;
	}

	public String getZoneKey() {
		return this.zoneKey;
	}

	public Integer getAttempt() {
		return this.attempt;
	}

	public String getDecision() {
		return this.decision;
	}

	public List<String> getRejectionReasons() {
		return this.rejectionReasons;
	}

	public String getReviewNote() {
		return this.reviewNote;
	}

	public String getInternalNote() {
		return this.internalNote;
	}

	public String getDecidedBy() {
		return this.decidedBy;
	}

	public Instant getTaskCreatedAt() {
		return this.taskCreatedAt;
	}

	public Instant getDecidedAt() {
		return this.decidedAt;
	}

	/** From the task's creation to the decision: what a reader waited for this round. */
	public Duration getTimeToDecision() {
		return Duration.between(this.taskCreatedAt, this.decidedAt);
	}

}
