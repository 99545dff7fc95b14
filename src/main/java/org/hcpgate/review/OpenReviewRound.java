package org.hcpgate.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.hcpgate.processes.HcpVerificationProcess;
import org.hcpgate.processes.VariableWriters;
import org.hcpgate.professions.Profession;
import org.hcpgate.professions.ProfessionCatalogue;
import org.hcpgate.reasons.ReasonCatalogue;
import org.springframework.stereotype.Component;

/**
 * Create listener of the staff tasks: a new round starts blank. The variables the task's
 * form writes are removed from the instance, so the form does not open prefilled with the
 * previous round's decision, and a REST caller who leaves one out cannot complete this
 * round with the last round's value. What earlier rounds decided stays in
 * {@code review_decision}, in the submission rows and in Camunda's history. The review of
 * credentials gets the rejection reasons its checklist offers, from the catalogue, and
 * puts the reader's verification in review.
 */
@Component("openReviewRound")
public class OpenReviewRound implements TaskListener {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final ReasonCatalogue reasons;

	private final ProfessionCatalogue professions;

	private final ReviewService reviews;

	public OpenReviewRound(ReasonCatalogue reasons, ProfessionCatalogue professions, ReviewService reviews) {
		this.reasons = reasons;
		this.professions = professions;
		this.reviews = reviews;
	}

	@Override
	public void notify(DelegateTask task) {
		for (String name : VariableWriters.STAFF_FORMS.getOrDefault(task.getTaskDefinitionKey(), List.of())) {
			task.getExecution().removeVariable(name);
		}
		if (HcpVerificationProcess.TASK_REVIEW_CREDENTIALS.equals(task.getTaskDefinitionKey())) {
			// the process owns the read model's statuses, this one too: in review from
			// the
			// moment a reviewer can see the task, in the transaction that creates it
			this.reviews.openReview(task.getExecution().getProcessBusinessKey());
			// the checklist's options: the catalogue as it is when the round opens
			task.setVariableLocal(HcpVerificationProcess.VAR_REJECTION_REASON_OPTIONS,
					SpinValues.jsonValue(json(this.reasons.formOptions())).create());
			task.setVariableLocal(HcpVerificationProcess.VAR_TITLE_CORRECTION_OPTIONS,
					SpinValues.jsonValue(json(titleOptions())).create());
		}
	}

	/** Every active profession's titles: {@code 护士 · 主管护师} for {@code nurse/主管护师}. */
	private List<Map<String, String>> titleOptions() {
		List<Map<String, String>> options = new ArrayList<>();
		Map<String, List<String>> titles = this.professions.titlesByProfession();
		for (Profession profession : this.professions.active()) {
			for (String title : titles.getOrDefault(profession.getCode(), List.of())) {
				Map<String, String> option = new LinkedHashMap<>();
				option.put("label", profession.getName() + " · " + title);
				option.put("value", profession.getCode() + "/" + title);
				options.add(option);
			}
		}
		return options;
	}

	private static String json(Object options) {
		try {
			return JSON.writeValueAsString(options);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write the form's options", ex);
		}
	}

}
