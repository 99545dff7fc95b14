package org.hcpgate.answers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

/**
 * A reader's answers to a zone's questions, one set per (re)submission; the process
 * carries only {@code answerSetId}. Earlier sets are kept.
 */
@Entity
@Table(name = "answer_set")
public class AnswerSet {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "reader_id", nullable = false)
	private String readerId;

	@Column(name = "zone_key", nullable = false)
	private String zoneKey;

	@Column(name = "process_instance_id", nullable = false)
	private String processInstanceId;

	@Column(name = "submitted_at", nullable = false)
	private Instant submittedAt;

	private String decision;

	@Column(name = "review_note")
	private String reviewNote;

	@Column(name = "decided_at")
	private Instant decidedAt;

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
	@JoinColumn(name = "answer_set_id", nullable = false)
	private List<Answer> answers = new ArrayList<>();

	protected AnswerSet() {
	}

	AnswerSet(String readerId, String zoneKey, String processInstanceId) {
		this.readerId = readerId;
		this.zoneKey = zoneKey;
		this.processInstanceId = processInstanceId;
		this.submittedAt = Instant.now();
	}

	void add(long questionId, String text) {
		this.answers.add(new Answer(questionId, text));
	}

	/** Records the information review's outcome; the same again changes nothing. */
	public void decide(String decision, String reviewNote) {
		this.decision = decision;
		this.reviewNote = reviewNote;
		if (this.decidedAt == null) {
			this.decidedAt = Instant.now();
		}
	}

	public String answerTo(long questionId) {
		return this.answers.stream()
			.filter(a -> a.getQuestionId() == questionId)
			.map(Answer::getText)
			.findFirst()
			.orElse("");
	}

	public Long getId() {
		return this.id;
	}

	public String getReaderId() {
		return this.readerId;
	}

	public String getZoneKey() {
		return this.zoneKey;
	}

	public String getProcessInstanceId() {
		return this.processInstanceId;
	}

	public Instant getSubmittedAt() {
		return this.submittedAt;
	}

	public String getDecision() {
		return this.decision;
	}

	public String getReviewNote() {
		return this.reviewNote;
	}

	public Instant getDecidedAt() {
		return this.decidedAt;
	}

	public List<Answer> getAnswers() {
		return this.answers;
	}

}
