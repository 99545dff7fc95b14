package org.hcpgate.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.hcpgate.processes.StaffGroups;
import org.junit.jupiter.api.Test;

/**
 * The model check without the application: the beans the shipped models call stand for
 * the application's.
 */
class ModelCheckTest {

	static final Set<String> BEANS = Set.of("announceVerificationOutcome", "escalateReview", "grantZoneAccess",
			"hcpVerificationService", "journeyEngine", "openReviewRound", "recordAbandonment", "recordFinalRejection",
			"recordInformationRejection", "recordRejection", "recordReviewDecision", "recordVerification",
			"reopenVerification", "requireSecondReviewer", "reviewAssignment", "revokeVerification",
			"verificationSettings", "zoneService");

	static final ModelContext CONTEXT = new ModelContext() {
		@Override
		public boolean isBean(String name) {
			return BEANS.contains(name);
		}

		@Override
		public Set<String> knownGroups() {
			return Set.copyOf(StaffGroups.ALL);
		}
	};

	@Test
	void theShippedModelsPass() throws IOException {
		assertThat(ModelCheck.check(shipped(), CONTEXT)).isEmpty();
	}

	@Test
	void aStaffFormFieldKeyedAsAVariableOfTheProcessIsRefused() throws IOException {
		Map<String, byte[]> files = shipped();
		for (String key : List.of("attempt", "reviewedBy", "readerId", "submissionId")) {
			files.put("forms/review-credentials.form",
					text(files.get("forms/review-credentials.form"))
						.replace("\"key\": \"internalNote\"", "\"key\": \"" + key + "\"")
						.getBytes(StandardCharsets.UTF_8));
			assertThat(ModelCheck.check(files, CONTEXT)).map(ModelProblem::toString)
				.as(key)
				.anySatisfy(problem -> assertThat(problem).contains("[review-credentials]", "'" + key + "'",
						"the process's own"));
			files = shipped();
		}
	}

	@Test
	void aReaderFormsRoutingFieldKeyedAsAVariableOfTheProcessIsRefused() throws IOException {
		Map<String, byte[]> files = variant();
		files.put("work-badge.form",
				text(files.get("work-badge.form")).replace("\"key\": \"badgeProfession\"", "\"key\": \"readerId\"")
					.getBytes(StandardCharsets.UTF_8));
		assertThat(ModelCheck.check(files, CONTEXT)).map(ModelProblem::toString)
			.anySatisfy(
					problem -> assertThat(problem).contains("[upload-work-badge]", "'readerId'", "the process's own"));
	}

	static final String NESTED = """
			<?xml version="1.0" encoding="UTF-8"?>
			<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
			    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Nested"
			    targetNamespace="http://hcpgate.org/bpmn">
			  <bpmn:process id="nested" name="嵌套" isExecutable="true" camunda:historyTimeToLive="180">
			    <bpmn:startEvent id="started" />
			    <bpmn:sequenceFlow id="Flow_In" sourceRef="started" targetRef="inner" />
			    <bpmn:subProcess id="inner">
			      <bpmn:startEvent id="inner-started" />
			      <bpmn:sequenceFlow id="Flow_InnerIn" sourceRef="inner-started" targetRef="nested-task" />
			      <bpmn:serviceTask id="nested-task" camunda:delegateExpression="${grantZoneAcess}" />
			      <bpmn:sequenceFlow id="Flow_InnerOut" sourceRef="nested-task" targetRef="inner-done" />
			      <bpmn:endEvent id="inner-done" name="内部完成" />
			    </bpmn:subProcess>
			    <bpmn:sequenceFlow id="Flow_Out" sourceRef="inner" targetRef="done" />
			    <bpmn:endEvent id="done" name="完成" />
			  </bpmn:process>
			</bpmn:definitions>
			""";

	@Test
	void everyResourceCamundaWouldParseIsCheckedAndCmmnIsRefused() {
		// a problem at the top level: no history time to live
		byte[] model = NESTED.strip()
			.replace(" camunda:historyTimeToLive=\"180\"", "")
			.getBytes(StandardCharsets.UTF_8);
		for (String name : List.of("nested.bpmn", "nested.xbpmn", "nestedbpmn", "nested.bpmn20.xml")) {
			assertThat(ModelCheck.check(Map.of(name, model), CONTEXT)).map(ModelProblem::toString)
				.as(name)
				.anySatisfy(problem -> assertThat(problem).contains(name, "[nested]", "historyTimeToLive"));
		}
		for (String name : List.of("case.cmmn", "case.cmmn11.xml", "casecmmn")) {
			assertThat(ModelCheck.check(Map.of(name, "<definitions/>".getBytes(StandardCharsets.UTF_8)), CONTEXT))
				.map(ModelProblem::toString)
				.as(name)
				.anySatisfy(problem -> assertThat(problem).contains(name, "no CMMN"));
		}
	}

	@Test
	void theElementsInsideASubProcessAreChecked() {
		String model = NESTED.strip()
			.replace("<bpmn:endEvent id=\"inner-done\" name=\"内部完成\" />", "<bpmn:endEvent id=\"EndEvent_0abc\" />")
			.replace("targetRef=\"inner-done\"", "targetRef=\"EndEvent_0abc\"");
		List<String> problems = ModelCheck.check(Map.of("nested.bpmn", model.getBytes(StandardCharsets.UTF_8)), CONTEXT)
			.stream()
			.map(ModelProblem::toString)
			.toList();
		assertThat(problems).anySatisfy(problem -> assertThat(problem).contains("[nested-task]", "grantZoneAcess"));
		assertThat(problems).anySatisfy(problem -> assertThat(problem).contains("[EndEvent_0abc]", "name the end"));
	}

	static Map<String, byte[]> variant() throws IOException {
		Map<String, byte[]> files = new LinkedHashMap<>();
		for (String name : List.of("zone-access-work-badge.bpmn", "work-badge.form")) {
			files.put(name, Files.readAllBytes(Path.of("src/test/resources/variants", name)));
		}
		files.put("information-review.dmn", Files.readAllBytes(Path.of("processes/information-review.dmn")));
		files.put("review-information.form", Files.readAllBytes(Path.of("forms/review-information.form")));
		return files;
	}

	static Map<String, byte[]> shipped() throws IOException {
		Map<String, byte[]> files = new LinkedHashMap<>();
		for (String folder : List.of("processes", "forms")) {
			try (Stream<Path> paths = Files.list(Path.of(folder))) {
				for (Path path : paths.sorted().toList()) {
					files.put(folder + "/" + path.getFileName(), Files.readAllBytes(path));
				}
			}
		}
		return files;
	}

	static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
