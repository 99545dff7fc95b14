package org.hcpgate.answers;

import java.util.Optional;

import org.hcpgate.zones.ZoneQuestion;
import org.hcpgate.zones.ZoneService;
import org.hibernate.Hibernate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/** A reader's answers to a zone's questions: one set per sending (earlier ones stay). */
@Service
public class AnswerService {

	static final int MAX_ANSWER_LENGTH = 2000;

	private final AnswerSetRepository answerSets;

	private final ZoneService zones;

	AnswerService(AnswerSetRepository answerSets, ZoneService zones) {
		this.answerSets = answerSets;
		this.zones = zones;
	}

	/**
	 * Checks the answers against the zone's questions: required ones answered, choices
	 * among the options, nothing too long. Errors go to {@code answers[<question id>]}.
	 */
	@Transactional(readOnly = true)
	public void validate(String zoneKey, QuestionsForm form, Errors errors) {
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
			else if (question.isMultipleChoice() && !question.getOptions().containsAll(ZoneQuestion.chosen(answer))) {
				errors.rejectValue(field, "questions.invalid-choice");
			}
		}
	}

	/**
	 * Saves a new answer set for one journey; joins the transaction that completes the
	 * reader's step.
	 * @param journeyId the {@code zone-access} instance the answers belong to
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public AnswerSet save(String readerId, String zoneKey, String journeyId, QuestionsForm form) {
		AnswerSet answers = new AnswerSet(readerId, zoneKey, journeyId);
		for (ZoneQuestion question : this.zones.questions(zoneKey)) {
			String answer = form.answerTo(question.getId());
			if (!answer.isEmpty()) {
				answers.add(question.getId(), answer);
			}
		}
		return this.answerSets.saveAndFlush(answers);
	}

	/**
	 * The reader's latest answers to the zone's questions, loaded with them (for the
	 * page).
	 */
	@Transactional(readOnly = true)
	public Optional<AnswerSet> latest(String readerId, String zoneKey) {
		Optional<AnswerSet> latest = this.answerSets.findFirstByReaderIdAndZoneKeyOrderBySubmittedAtDescIdDesc(readerId,
				zoneKey);
		latest.ifPresent(answers -> Hibernate.initialize(answers.getAnswers()));
		return latest;
	}

	/** The answers as the form shows them again: question id to answer. */
	@Transactional(readOnly = true)
	public QuestionsForm prefilled(String readerId, String zoneKey) {
		QuestionsForm form = new QuestionsForm();
		latest(readerId, zoneKey).ifPresent(
				previous -> previous.getAnswers().forEach(a -> form.getAnswers().put(a.getQuestionId(), a.getText())));
		return form;
	}

}
