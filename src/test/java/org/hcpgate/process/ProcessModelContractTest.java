package org.hcpgate.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The stable keys of docs/process-contract.md, read from the models as a designer saves
 * them: a model that drops or renames one, names a Java class or loses its diagram is
 * refused here rather than by a reader.
 */
class ProcessModelContractTest {

	@Test
	void hcpVerificationKeepsItsContract() throws IOException {
		BpmnModelInstance model = read("hcp-verification");
		assertExecutable(model, "hcp-verification");

		assertReaderTask(model, "submit-credentials");
		assertReaderTask(model, "resubmit-credentials");
		// the group is the decision review-group's answer; its default row is the
		// contract's hcp-reviewers (ReviewRulesTest)
		assertStaffTask(model, "review-credentials", "${reviewGroup}");
		// a resubmission goes back to the reviewer who sent it back, if still a reviewer
		assertThat(element(model, "review-credentials", UserTask.class).getCamundaAssignee())
			.isEqualTo("${reviewAssignment.returningReviewer(execution)}");
		assertTaskListeners(model, "review-credentials", "create ${openReviewRound}",
				"complete ${recordReviewDecision}");

		// Four-eyes: a reviewer's rejected-final goes to a lead, who cannot be that
		// reviewer.
		assertStaffTask(model, "confirm-final-rejection", "hcp-review-leads");
		assertThat(element(model, "confirm-final-rejection", UserTask.class).getCamundaAssignee()).isNull();
		assertTaskListeners(model, "confirm-final-rejection", "create ${openReviewRound}",
				"assignment ${requireSecondReviewer}", "complete ${requireSecondReviewer}",
				"complete ${recordReviewDecision}");
		assertThat(flowInto(model, "confirm-final-rejection").getConditionExpression().getTextContent())
			.isEqualTo("${decision == 'rejected-final'}");
		assertThat(flowInto(model, "confirm-final-rejection").getSource().getId()).isEqualTo("Gateway_ReviewOutcome");
		List<SequenceFlow> afterConfirmation = List
			.copyOf(element(model, "confirm-final-rejection", UserTask.class).getSucceedingNodes()
				.singleResult()
				.getOutgoing());
		assertThat(afterConfirmation).extracting(flow -> flow.getConditionExpression().getTextContent())
			.containsExactlyInAnyOrder("${finalRejectionConfirmed}", "${!finalRejectionConfirmed}");
		assertThat(afterConfirmation)
			.allSatisfy(
					flow -> assertThat(
							reaches(flow.getTarget(),
									flow.getConditionExpression().getTextContent().startsWith("${!")
											? "review-credentials" : "record-final-rejection"))
						.as(flow.getId())
						.isTrue());

		assertServiceTask(model, "record-verification", "${recordVerification}");
		assertServiceTask(model, "record-rejection", "${recordRejection}");
		assertServiceTask(model, "record-final-rejection", "${recordFinalRejection}");
		assertServiceTask(model, "record-abandonment", "${recordAbandonment}");

		assertServiceTask(model, "escalate-review", "${escalateReview}");

		assertBoundaryTimer(model, "resubmission-expired", "resubmit-credentials", true, "${resubmissionTimeout}");
		// The review SLA escalates; the review stays open.
		assertBoundaryTimer(model, "review-overdue", "review-credentials", false,
				"${verificationSettings.reviewEscalation}");

		// Waiting zone journeys are told of every end of a verification.
		Process process = element(model, "hcp-verification", Process.class);
		Collection<CamundaExecutionListener> listeners = process.getExtensionElements()
			.getChildElementsByType(CamundaExecutionListener.class);
		assertThat(listeners).singleElement().satisfies(listener -> {
			assertThat(listener.getCamundaEvent()).isEqualTo("end");
			assertThat(listener.getCamundaDelegateExpression()).isEqualTo("${announceVerificationOutcome}");
		});

		assertThat(ids(model, EndEvent.class)).containsExactlyInAnyOrder("verified", "rejected-final", "abandoned",
				"review-escalated");
	}

	@Test
	void zoneAccessKeepsItsContract() throws IOException {
		BpmnModelInstance model = read("zone-access");
		assertExecutable(model, "zone-access");

		assertReaderTask(model, "accept-agreement");
		assertReaderTask(model, "informed-consent");
		assertReaderTask(model, "answer-questions");
		assertStaffTask(model, "review-information", "hcp-reviewers");
		assertThat(element(model, "review-information", UserTask.class).getCamundaAssignee()).isNull();
		assertTaskListeners(model, "review-information", "create ${openReviewRound}",
				"complete ${recordReviewDecision}");
		assertServiceTask(model, "record-information-rejection", "${recordInformationRejection}");
		assertServiceTask(model, "grant-zone-access", "${grantZoneAccess}");

		// A running verification of the reader is awaited: its end is announced by
		// message,
		// and an hourly re-check catches a missed message.
		EventBasedGateway await = element(model, "await-verification", EventBasedGateway.class);
		assertThat(await.getSucceedingNodes().list()).extracting(FlowNode::getId)
			.containsExactlyInAnyOrder("verification-completed", "verification-recheck");
		assertThat(messageName(element(model, "verification-completed", IntermediateCatchEvent.class)))
			.isEqualTo("verification-completed");
		assertThat(timeDuration(element(model, "verification-recheck", IntermediateCatchEvent.class)))
			.isEqualTo("PT1H");

		String journeyTimeout = "${verificationSettings.journeyTimeout}";
		assertBoundaryTimer(model, "agreement-expired", "accept-agreement", true, journeyTimeout);
		assertBoundaryTimer(model, "informed-consent-expired", "informed-consent", true, journeyTimeout);
		assertBoundaryTimer(model, "answers-expired", "answer-questions", true, journeyTimeout);
		assertThat(element(model, "abandoned", EndEvent.class).getIncoming())
			.extracting(flow -> flow.getSource().getId())
			.containsExactlyInAnyOrder("agreement-expired", "informed-consent-expired", "answers-expired");

		CallActivity verifyHcp = element(model, "verify-hcp", CallActivity.class);
		assertThat(verifyHcp.getCalledElement()).isEqualTo("hcp-verification");
		Collection<CamundaIn> ins = verifyHcp.getExtensionElements().getChildElementsByType(CamundaIn.class);
		assertThat(ins).anyMatch(in -> "#{readerId}".equals(in.getCamundaBusinessKey()));
		assertThat(ins)
			.anyMatch(in -> "readerId".equals(in.getCamundaSource()) && "readerId".equals(in.getCamundaTarget()));

		assertThat(ids(model, EndEvent.class)).containsExactlyInAnyOrder("access-granted", "agreement-refused",
				"verification-failed", "abandoned");
	}

	@Test
	void verificationRevocationKeepsItsContract() throws IOException {
		BpmnModelInstance model = read("verification-revocation");
		assertExecutable(model, "verification-revocation");

		StartEvent start = element(model, "verification-revoked", StartEvent.class);
		assertThat(messageName(start)).isEqualTo("verification-revoked");
		assertThat(ids(model, StartEvent.class)).containsExactly("verification-revoked");
		assertServiceTask(model, "revoke-verification", "${revokeVerification}");
		assertThat(ids(model, EndEvent.class)).containsExactly("revoked");
	}

	/**
	 * Each form's JSON id is its file name and its fields are the contract's variables.
	 */
	@ParameterizedTest
	@CsvSource({ "review-credentials, decision correctedTitle rejectionReasons reviewNote internalNote, decision",
			"review-information, decision reviewNote internalNote, decision",
			"confirm-final-rejection, finalRejectionConfirmed confirmationNote, finalRejectionConfirmed" })
	void formNamesItsVariables(String formId, String keys, String requiredKey) throws IOException {
		try (InputStream in = ProcessModelContractTest.class.getResourceAsStream("/forms/" + formId + ".form")) {
			assertThat(in).as("forms/%s.form on the classpath", formId).isNotNull();
			JsonNode form = new ObjectMapper().readTree(in);
			assertThat(form.path("id").asText()).isEqualTo(formId);
			assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
			List<String> fieldKeys = new ArrayList<>();
			form.path("components").forEach(component -> {
				if (component.has("key")) {
					fieldKeys.add(component.get("key").asText());
				}
			});
			assertThat(fieldKeys).containsExactlyInAnyOrder(keys.split(" "));
			JsonNode decision = field(form, requiredKey);
			assertThat(decision.path("validate").path("required").asBoolean()).as("%s is required", requiredKey)
				.isTrue();
		}
	}

	/**
	 * The review form cannot send a rejection without a reason: the reasons are required
	 * whenever they are shown, and hidden (so neither validated nor sent) only for an
	 * approval. Its options are the catalogue. The photo is shown inline, by submission
	 * id.
	 */
	@Test
	void reviewFormRequiresReasonsFromTheCatalogueForARejection() throws IOException {
		JsonNode form = form("review-credentials");
		JsonNode reasons = field(form, "rejectionReasons");
		assertThat(reasons.path("type").asText()).isEqualTo("checklist");
		assertThat(reasons.path("validate").path("required").asBoolean()).isTrue();
		assertThat(reasons.path("conditional").path("hide").asText())
			.isEqualTo("=decision = null or decision = \"approved\"");
		// the options are the catalogue's, written on the task when it opens
		assertThat(reasons.path("values").isMissingNode()).as("no options of its own").isTrue();
		assertThat(reasons.path("valuesKey").asText())
			.isEqualTo(org.hcpgate.processes.HcpVerificationProcess.VAR_REJECTION_REASON_OPTIONS);
		assertThat(field(form, "decision").path("values").findValuesAsText("value")).containsExactly("approved",
				"rejected", "rejected-final");
		String html = form.path("components").get(0).path("content").asText();
		assertThat(html).contains("<img src=\"/staff/submissions/{{submissionId}}/photo\"")
			.contains("/staff/submissions/{{submissionId}}/card.svg")
			.contains("href=\"/staff/submissions/{{submissionId}}\"");

		JsonNode informationNote = field(form("review-information"), "reviewNote");
		assertThat(informationNote.path("validate").path("required").asBoolean()).isTrue();
		assertThat(informationNote.path("conditional").path("hide").asText()).isEqualTo("=decision != \"rejected\"");
	}

	private static JsonNode form(String formId) throws IOException {
		try (InputStream in = ProcessModelContractTest.class.getResourceAsStream("/forms/" + formId + ".form")) {
			return new ObjectMapper().readTree(in);
		}
	}

	private static void assertTaskListeners(BpmnModelInstance model, String key, String... eventAndBean) {
		UserTask task = element(model, key, UserTask.class);
		assertThat(task.getExtensionElements().getChildElementsByType(CamundaTaskListener.class))
			.extracting(l -> l.getCamundaEvent() + " " + l.getCamundaDelegateExpression())
			.containsExactly(eventAndBean);
	}

	private static SequenceFlow flowInto(BpmnModelInstance model, String key) {
		return element(model, key, FlowNode.class).getIncoming().iterator().next();
	}

	/** Whether {@code target} is reached from {@code node} through gateways only. */
	private static boolean reaches(FlowNode node, String target) {
		if (node.getId().equals(target)) {
			return true;
		}
		// joins and the decisions before a task (decide-review-group) lead straight on
		return (node instanceof org.camunda.bpm.model.bpmn.instance.Gateway
				|| node instanceof org.camunda.bpm.model.bpmn.instance.BusinessRuleTask)
				&& node.getOutgoing().size() == 1 && reaches(node.getOutgoing().iterator().next().getTarget(), target);
	}

	private static BpmnModelInstance read(String key) throws IOException {
		try (InputStream in = ProcessModelContractTest.class.getResourceAsStream("/processes/" + key + ".bpmn")) {
			assertThat(in).as("processes/%s.bpmn on the classpath", key).isNotNull();
			byte[] xml = in.readAllBytes();
			String text = new String(xml, StandardCharsets.UTF_8);
			// Beans by expression only: no Java class names, no scripts.
			assertThat(text).doesNotContain("camunda:class=", "<bpmn:script", "camunda:script");
			BpmnModelInstance model = Bpmn.readModelFromStream(new java.io.ByteArrayInputStream(xml));
			Bpmn.validateModel(model);
			assertThat(model.getModelElementsByType(ScriptTask.class)).isEmpty();
			assertHasDiagram(model);
			return model;
		}
	}

	private static void assertExecutable(BpmnModelInstance model, String key) {
		Process process = element(model, key, Process.class);
		assertThat(process.isExecutable()).isTrue();
		assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("180");
	}

	private static void assertReaderTask(BpmnModelInstance model, String key) {
		UserTask task = element(model, key, UserTask.class);
		assertThat(task.getCamundaAssignee()).isEqualTo("${readerId}");
		assertThat(task.getCamundaFormKey()).isEqualTo("site:" + key);
	}

	private static void assertStaffTask(BpmnModelInstance model, String key, String candidateGroup) {
		UserTask task = element(model, key, UserTask.class);
		assertThat(task.getCamundaCandidateGroups()).isEqualTo(candidateGroup);
		assertThat(task.getCamundaFormRef()).isEqualTo(key);
		assertThat(task.getCamundaFormRefBinding()).isEqualTo("deployment");
	}

	private static void assertBoundaryTimer(BpmnModelInstance model, String key, String attachedTo,
			boolean interrupting, String duration) {
		BoundaryEvent timer = element(model, key, BoundaryEvent.class);
		assertThat(timer.getAttachedTo().getId()).isEqualTo(attachedTo);
		assertThat(timer.cancelActivity()).as("%s interrupts", key).isEqualTo(interrupting);
		assertThat(timeDuration(timer)).isEqualTo(duration);
	}

	private static String timeDuration(Event event) {
		Collection<TimerEventDefinition> timers = event.getChildElementsByType(TimerEventDefinition.class);
		assertThat(timers).as("%s is a timer", event.getId()).hasSize(1);
		return timers.iterator().next().getTimeDuration().getTextContent();
	}

	private static String messageName(Event event) {
		Collection<MessageEventDefinition> messages = event.getChildElementsByType(MessageEventDefinition.class);
		assertThat(messages).as("%s catches a message", event.getId()).hasSize(1);
		return messages.iterator().next().getMessage().getName();
	}

	private static JsonNode field(JsonNode form, String key) {
		for (JsonNode component : form.path("components")) {
			if (key.equals(component.path("key").asText())) {
				return component;
			}
		}
		throw new AssertionError("no field " + key);
	}

	private static void assertServiceTask(BpmnModelInstance model, String key, String bean) {
		ServiceTask task = element(model, key, ServiceTask.class);
		assertThat(task.getCamundaDelegateExpression()).isEqualTo(bean);
		assertThat(task.isCamundaAsyncBefore()).as("%s is asyncBefore", key).isTrue();
	}

	/** Every node has a shape, every flow an edge, and no two shapes overlap. */
	private static void assertHasDiagram(BpmnModelInstance model) {
		List<BpmnShape> shapes = new ArrayList<>(model.getModelElementsByType(BpmnShape.class));
		List<String> drawn = shapes.stream().map(s -> s.getBpmnElement().getId()).toList();
		assertThat(drawn).containsAll(ids(model, FlowNode.class));
		assertThat(model.getModelElementsByType(BpmnEdge.class))
			.allSatisfy(e -> assertThat(e.getWaypoints()).hasSizeGreaterThanOrEqualTo(2))
			.extracting(e -> e.getBpmnElement().getId())
			.containsAll(ids(model, SequenceFlow.class));
		for (int i = 0; i < shapes.size(); i++) {
			for (int j = i + 1; j < shapes.size(); j++) {
				BpmnShape a = shapes.get(i);
				BpmnShape b = shapes.get(j);
				if (attached(a, b) || attached(b, a)) {
					continue;
				}
				assertThat(overlap(a.getBounds(), b.getBounds()))
					.as("%s overlaps %s", a.getBpmnElement().getId(), b.getBpmnElement().getId())
					.isFalse();
			}
		}
	}

	private static boolean attached(BpmnShape boundary, BpmnShape host) {
		return boundary.getBpmnElement() instanceof BoundaryEvent event
				&& event.getAttachedTo() == host.getBpmnElement();
	}

	private static boolean overlap(Bounds a, Bounds b) {
		return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
				&& a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
	}

	private static <T extends BaseElement> T element(BpmnModelInstance model, String id, Class<T> type) {
		Object element = model.getModelElementById(id);
		assertThat(element).as("element %s", id).isInstanceOf(type);
		return type.cast(element);
	}

	private static List<String> ids(BpmnModelInstance model, Class<? extends BaseElement> type) {
		return model.getModelElementsByType(type).stream().map(BaseElement::getId).toList();
	}

}
