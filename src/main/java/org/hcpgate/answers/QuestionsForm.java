package org.hcpgate.answers;

import java.util.LinkedHashMap;
import java.util.Map;

/** 收集问题: one answer per question, keyed by the question's id. */
public class QuestionsForm {

	private Map<Long, String> answers = new LinkedHashMap<>();

	public Map<Long, String> getAnswers() {
		return this.answers;
	}

	public void setAnswers(Map<Long, String> answers) {
		this.answers = answers;
	}

	String answerTo(long questionId) {
		String answer = this.answers.get(questionId);
		return (answer == null) ? "" : answer.strip();
	}

}
