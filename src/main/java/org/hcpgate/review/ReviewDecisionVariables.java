package org.hcpgate.review;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.json.SpinJsonNode;
import org.hcpgate.processes.HcpVerificationProcess;

/**
 * A reviewer's decision as the review task left it in the process: from Tasklist's
 * Camunda Form (a JSON list of reason codes) or from the REST API (JSON, a list or a
 * comma-separated string). Whose it is comes from the instance's business key (the reader
 * id the site started it with), never from a variable.
 */
record ReviewDecisionVariables(String readerId, Long submissionId, String decision, List<String> rejectionReasons,
		String reviewNote, TitleCorrection correction, String reviewedBy) {

	/**
	 * The decision's correction of profession and title was checked against the catalogue
	 * when the task completed (recordReviewDecision).
	 */
	static ReviewDecisionVariables of(DelegateExecution execution) {
		Object submissionId = execution.getVariable(HcpVerificationProcess.VAR_SUBMISSION_ID);
		Object correction = execution.getVariable(HcpVerificationProcess.VAR_CORRECTED_TITLE);
		Object reviewedBy = execution.getVariable(HcpVerificationProcess.VAR_REVIEWED_BY);
		return new ReviewDecisionVariables(execution.getProcessBusinessKey(),
				(submissionId == null) ? null : ((Number) submissionId).longValue(),
				(String) execution.getVariable(HcpVerificationProcess.VAR_DECISION),
				reasonCodes(execution.getVariable(HcpVerificationProcess.VAR_REJECTION_REASONS)),
				(String) execution.getVariable(HcpVerificationProcess.VAR_REVIEW_NOTE),
				(correction == null) ? null : TitleCorrection.parse(correction.toString()).orElse(null),
				(reviewedBy == null) ? null : reviewedBy.toString());
	}

	static List<String> reasonCodes(Object value) {
		List<String> codes = new ArrayList<>();
		if (value instanceof SpinJsonNode json) {
			if (json.isArray()) {
				json.elements().forEach(e -> codes.add(e.stringValue()));
			}
			else if (json.isString()) {
				codes.addAll(split(json.stringValue()));
			}
		}
		else if (value instanceof Collection<?> collection) {
			collection.forEach(e -> codes.add(String.valueOf(e)));
		}
		else if (value instanceof String text) {
			codes.addAll(split(text));
		}
		return codes.stream().map(String::strip).filter(c -> !c.isEmpty()).distinct().toList();
	}

	private static List<String> split(String text) {
		return List.of(text.replace("[", "").replace("]", "").replace("\"", "").split(","));
	}

}
