package org.hcpgate.answers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One answer of an {@link AnswerSet}. */
@Entity
@Table(name = "answer")
public class Answer {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "question_id", nullable = false)
	private long questionId;

	@Column(nullable = false)
	private String text;

	protected Answer() {
	}

	Answer(long questionId, String text) {
		this.questionId = questionId;
		this.text = text;
	}

	public long getQuestionId() {
		return this.questionId;
	}

	public String getText() {
		return this.text;
	}

}
