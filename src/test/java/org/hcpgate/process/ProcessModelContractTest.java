package org.hcpgate.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.junit.jupiter.api.Test;

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
		UserTask review = element(model, "review-credentials", UserTask.class);
		assertThat(review.getCamundaCandidateGroups()).isEqualTo("hcp-reviewers");
		assertThat(review.getCamundaAssignee()).isNull();
		assertThat(review.getCamundaFormRef()).isEqualTo("review-credentials");
		assertThat(review.getCamundaFormRefBinding()).isEqualTo("deployment");

		assertServiceTask(model, "record-verification", "${recordVerification}");
		assertServiceTask(model, "record-rejection", "${recordRejection}");
		assertServiceTask(model, "record-final-rejection", "${recordFinalRejection}");
		assertServiceTask(model, "record-abandonment", "${recordAbandonment}");

		BoundaryEvent expired = element(model, "resubmission-expired", BoundaryEvent.class);
		assertThat(expired.getAttachedTo().getId()).isEqualTo("resubmit-credentials");
		assertThat(expired.cancelActivity()).isTrue();

		assertThat(ids(model, EndEvent.class)).containsExactlyInAnyOrder("verified", "rejected-final", "abandoned");
	}

	@Test
	void zoneAccessKeepsItsContract() throws IOException {
		BpmnModelInstance model = read("zone-access");
		assertExecutable(model, "zone-access");

		assertReaderTask(model, "accept-agreement");
		assertReaderTask(model, "informed-consent");
		assertServiceTask(model, "grant-zone-access", "${grantZoneAccess}");

		CallActivity verifyHcp = element(model, "verify-hcp", CallActivity.class);
		assertThat(verifyHcp.getCalledElement()).isEqualTo("hcp-verification");
		Collection<CamundaIn> ins = verifyHcp.getExtensionElements().getChildElementsByType(CamundaIn.class);
		assertThat(ins).anyMatch(in -> "#{readerId}".equals(in.getCamundaBusinessKey()));
		assertThat(ins)
			.anyMatch(in -> "readerId".equals(in.getCamundaSource()) && "readerId".equals(in.getCamundaTarget()));

		assertThat(ids(model, EndEvent.class)).containsExactlyInAnyOrder("access-granted", "agreement-refused",
				"verification-failed");
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
