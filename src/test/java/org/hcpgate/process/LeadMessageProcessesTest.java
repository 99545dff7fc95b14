package org.hcpgate.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.MessageCorrelationResultType;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.hcpgate.process.ProcessTestBeans.Delegates;
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

	private final Delegates delegates = new Delegates();

	private JavaDelegate revokeVerification;

	private JavaDelegate reopenVerification;

	@BeforeEach
	void setUp(ProcessEngine engine) {
		BpmnAwareTests.init(engine);
		this.revokeVerification = this.delegates.register("revokeVerification");
		this.reopenVerification = this.delegates.register("reopenVerification");
	}

	@AfterEach
	void tearDown() {
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
		verifyNoInteractions(this.revokeVerification);

		execute(job());

		verify(this.revokeVerification).execute(any());
		assertThat(this.delegates.lastCallOf("revokeVerification").businessKey()).isEqualTo(READER);
		assertThat(this.delegates.lastCallOf("revokeVerification").variables())
			.containsEntry("revocationReason", "执业证书已注销")
			.doesNotContainKey("readerId");
		assertThat(instance).hasPassedInOrder("verification-revoked", "revoke-verification", "revoked").isEnded();
	}

	@Test
	@Deployment(resources = "processes/verification-reopening.bpmn")
	void reopenedMessageWithTheReaderAsBusinessKeyReopensInTheSameCallAndEndsReopened() throws Exception {
		MessageCorrelationResult result = runtimeService().createMessageCorrelation("verification-reopened")
			.processInstanceBusinessKey(READER)
			.correlateWithResult();

		assertThat(result.getResultType()).isEqualTo(MessageCorrelationResultType.ProcessDefinition);
		ProcessInstance instance = result.getProcessInstance();
		verify(this.reopenVerification).execute(any());
		assertThat(this.delegates.lastCallOf("reopenVerification").businessKey()).isEqualTo(READER);
		assertThat(instance).hasPassedInOrder("verification-reopened", "reopen-verification", "reopened").isEnded();
		assertThat(managementService().createJobQuery().count()).as("no asynchronous step: the lead's call decides")
			.isZero();
	}

}
