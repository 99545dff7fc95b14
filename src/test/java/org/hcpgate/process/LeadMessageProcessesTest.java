package org.hcpgate.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.MessageCorrelationResultType;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.hcpgate.process.ProcessTestBeans.Delegates;
import org.hcpgate.review.ReopenVerification;
import org.hcpgate.review.ReviewService;
import org.hcpgate.review.RevokeVerification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The processes a review lead starts with a message, as integrators do:
 * {@code POST /engine-rest/message} with message name and business key (the reader id):
 * {@code processes/verification-revocation.bpmn} and
 * {@code processes/verification-reopening.bpmn}.
 */
class LeadMessageProcessesTest {

	// Not camunda.cfg.xml: that name would also be picked up by the REST API's engine
	// lookup
	// in the Spring Boot tests and start a second engine there.
	@RegisterExtension
	ProcessEngineExtension engine = ProcessEngineExtension.builder()
		.configurationResource("process-tests.cfg.xml")
		.build();

	static final String READER = "reader-42";

	static final String LEAD = "lead-c";

	private final Delegates delegates = new Delegates();

	/** The business service behind both delegates. */
	private final ReviewService reviews = mock(ReviewService.class);

	private JavaDelegate revokeVerification;

	private JavaDelegate reopenVerification;

	@BeforeEach
	void setUp(ProcessEngine engine) {
		BpmnAwareTests.init(engine);
		this.revokeVerification = this.delegates.register("revokeVerification", new RevokeVerification(this.reviews));
		this.reopenVerification = this.delegates.register("reopenVerification", new ReopenVerification(this.reviews));
	}

	@AfterEach
	void tearDown() {
		identityService().clearAuthentication();
		Mocks.reset();
		BpmnAwareTests.reset();
	}

	@Test
	@Deployment(resources = "processes/verification-revocation.bpmn")
	void revokedMessageWithTheReaderAsBusinessKeyEndsRevoked() throws Exception {
		// What the REST API does for
		// {"messageName":"verification-revoked","businessKey":"reader-42",
		// "processVariables":{"revocationReason":{"value":"执业证书已注销"}}}.
		MessageCorrelationResult result = runtimeService().createMessageCorrelation("verification-revoked")
			.processInstanceBusinessKey(READER)
			.setVariable("revocationReason", "执业证书已注销")
			.correlateWithResult();

		assertThat(result.getResultType()).isEqualTo(MessageCorrelationResultType.ProcessDefinition);
		ProcessInstance instance = result.getProcessInstance();
		assertThat(instance).hasBusinessKey(READER).isWaitingAt("revoke-verification");
		verifyNoInteractions(this.revokeVerification, this.reviews);

		execute(job());

		verify(this.revokeVerification).execute(any());
		// no readerId variable: the reader is the business key
		verify(this.reviews).revokeVerification(READER, "执业证书已注销", instance.getId());
		assertThat(this.delegates.lastCallOf("revokeVerification").businessKey()).isEqualTo(READER);
		assertThat(this.delegates.lastCallOf("revokeVerification").variables())
			.containsEntry("revocationReason", "执业证书已注销")
			.doesNotContainKey("readerId");
		assertThat(instance).hasPassedInOrder("verification-revoked", "revoke-verification", "revoked").isEnded();
	}

	@Test
	@Deployment(resources = "processes/verification-reopening.bpmn")
	void reopenedMessageWithTheReaderAsBusinessKeyReopensInTheSameCallAndEndsReopened() throws Exception {
		// The lead's own call (REST, Cockpit): the engine knows who sends it.
		identityService().setAuthentication(LEAD, List.of("hcp-review-leads"));
		MessageCorrelationResult result = runtimeService().createMessageCorrelation("verification-reopened")
			.processInstanceBusinessKey(READER)
			.correlateWithResult();

		assertThat(result.getResultType()).isEqualTo(MessageCorrelationResultType.ProcessDefinition);
		ProcessInstance instance = result.getProcessInstance();
		verify(this.reopenVerification).execute(any());
		verify(this.reviews).reopenVerification(READER, LEAD, instance.getId());
		assertThat(this.delegates.lastCallOf("reopenVerification").businessKey()).isEqualTo(READER);
		assertThat(instance).hasPassedInOrder("verification-reopened", "reopen-verification", "reopened").isEnded();
		assertThat(managementService().createJobQuery().count()).as("no asynchronous step: the lead's call decides")
			.isZero();
	}

	@Test
	@Deployment(resources = "processes/verification-reopening.bpmn")
	void reopenedMessageFromAServerSideCallerNamesTheLeadInReopenedBy() throws Exception {
		// A staff page's call: no engine user, the signed-in lead in reopenedBy.
		MessageCorrelationResult result = runtimeService().createMessageCorrelation("verification-reopened")
			.processInstanceBusinessKey(READER)
			.setVariable("reopenedBy", LEAD)
			.correlateWithResult();

		ProcessInstance instance = result.getProcessInstance();
		verify(this.reviews).reopenVerification(READER, LEAD, instance.getId());
		assertThat(instance).hasPassed("reopened").isEnded();
	}

	@Test
	@Deployment(resources = "processes/verification-reopening.bpmn")
	void reopenedMessageFromSomeoneNotALeadIsRefusedAndStartsNothing() {
		identityService().setAuthentication("reviewer-a", List.of("hcp-reviewers"));

		assertThatThrownBy(() -> runtimeService().createMessageCorrelation("verification-reopened")
			.processInstanceBusinessKey(READER)
			.correlateWithResult()).isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("[confirmer-unknown]");

		verifyNoInteractions(this.reviews);
		assertThat(processInstanceQuery().count()).isZero();
	}

}
