package org.hcpgate.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.decisionService;
import static org.camunda.bpm.engine.variable.Variables.createVariables;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every row of the rules a lead owns, the DMN tables in {@code processes/}; and the rows
 * a variant adds ({@code variants/review-group-pharmacists.dmn}).
 */
@Deployment(resources = { "processes/review-group.dmn", "processes/information-review.dmn",
		"processes/resubmission-policy.dmn" })
class ReviewRulesTest {

	@RegisterExtension
	ProcessEngineExtension engine = ProcessEngineExtension.builder()
		.configurationResource("process-tests.cfg.xml")
		.build();

	@BeforeEach
	void useThisEngine(ProcessEngine engine) {
		// other engines of the same JVM (the Spring Boot tests' "default") stay apart
		BpmnAwareTests.init(engine);
	}

	@AfterEach
	void forgetTheEngine() {
		BpmnAwareTests.reset();
	}

	@ParameterizedTest
	@CsvSource({ "cardiology, doctor", "oncology, pharmacist", "cardiology, nurse", ", " })
	void everySubmissionGoesToTheReviewersByDefault(String zoneKey, String profession) {
		Object group = decisionService().evaluateDecisionTableByKey("review-group")
			.variables(createVariables().putValue("zoneKey", zoneKey).putValue("profession", profession))
			.evaluate()
			.getSingleEntry();

		assertThat(group).isEqualTo("hcp-reviewers");
	}

	@ParameterizedTest
	@CsvSource({ "cardiology, true", "cardiology, false", "oncology, true" })
	void answersAreReviewedAsTheZoneSays(String zoneKey, boolean zoneRequiresReview) {
		Object needed = decisionService().evaluateDecisionTableByKey("information-review")
			.variables(
					createVariables().putValue("zoneKey", zoneKey).putValue("zoneRequiresReview", zoneRequiresReview))
			.evaluate()
			.getSingleEntry();

		assertThat(needed).isEqualTo(zoneRequiresReview);
	}

	@Test
	void everyZoneHasTheConfiguredAttemptsAndTimeout() {
		Map<String, Object> policy = decisionService().evaluateDecisionTableByKey("resubmission-policy")
			.variables(createVariables().putValue("zoneKey", "cardiology")
				.putValue("defaultMaxAttempts", 3)
				.putValue("defaultResubmissionTimeout", "P30D"))
			.evaluate()
			.getSingleResult()
			.getEntryMap();

		assertThat(policy).containsEntry("maxAttempts", 3).containsEntry("resubmissionTimeout", "P30D");
	}

	@Test
	@Deployment(resources = "variants/review-group-pharmacists.dmn")
	void theVariantSendsPharmacistsToTheLeadsAndEveryoneElseToTheReviewers() {
		assertThat(reviewGroup("cardiology", "pharmacist")).isEqualTo("hcp-review-leads");
		assertThat(reviewGroup("oncology", "pharmacist")).isEqualTo("hcp-review-leads");
		assertThat(reviewGroup("cardiology", "doctor")).isEqualTo("hcp-reviewers");
	}

	@Test
	@Deployment(resources = "variants/resubmission-policy-short.dmn")
	void theVariantGivesOncologyTwoAttemptsAndSevenDays() {
		Map<String, Object> oncology = policy("oncology");
		Map<String, Object> cardiology = policy("cardiology");

		assertThat(oncology).containsEntry("maxAttempts", 2).containsEntry("resubmissionTimeout", "P7D");
		assertThat(cardiology).containsEntry("maxAttempts", 3).containsEntry("resubmissionTimeout", "P30D");
	}

	private static Object reviewGroup(String zoneKey, String profession) {
		return decisionService().evaluateDecisionTableByKey("review-group")
			.variables(createVariables().putValue("zoneKey", zoneKey).putValue("profession", profession))
			.evaluate()
			.getSingleEntry();
	}

	private static Map<String, Object> policy(String zoneKey) {
		return decisionService().evaluateDecisionTableByKey("resubmission-policy")
			.variables(createVariables().putValue("zoneKey", zoneKey)
				.putValue("defaultMaxAttempts", 3)
				.putValue("defaultResubmissionTimeout", "P30D"))
			.evaluate()
			.getSingleResult()
			.getEntryMap();
	}

}
