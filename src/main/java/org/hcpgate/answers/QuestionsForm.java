package org.hcpgate.answers;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hcpgate.zones.ZoneQuestion;

/** 收集问题: one answer per question, keyed by the question's id. */
public class QuestionsForm {

	private Map<Long, String> answers = new LinkedHashMap<>();

	public Map<Long, String> getAnswers() {
		return this.answers;
	}

	public void setAnswers(Map<Long, String> answers) {
		this.answers = answers;
	}

	/** Whether the reader's answer picks this option (for re-showing the form). */
	public boolean isChosen(ZoneQuestion question, String option) {
		String answer = answerTo(question.getId());
		return question.isMultipleChoice() ? ZoneQuestion.chosen(answer).contains(option) : answer.equals(option);
	}

	String answerTo(long questionId) {
		String answer = this.answers.get(questionId);
		return (answer == null) ? "" : answer.strip();
	}

}
