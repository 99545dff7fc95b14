package org.hcpgate.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;

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
 * {@code processes/verification-reopening.bpmn}: a review lead lifts a final rejection
 * with {@code POST /engine-rest/message}, message name and business key; the service task
 * runs in the lead's own call.
 */
@Deployment(resources = "processes/verification-reopening.bpmn")
class VerificationReopeningProcessTest {

	@RegisterExtension
	ProcessEngineExtension engine = ProcessEngineExtension.builder()
		.configurationResource("process-tests.cfg.xml")
		.build();

	static final String READER = "reader-42";

	private final Delegates delegates = new Delegates();

	private JavaDelegate reopenVerification;

	@BeforeEach
	void setUp(ProcessEngine engine) {
		BpmnAwareTests.init(engine);
		this.reopenVerification = this.delegates.register("reopenVerification");
	}

	@AfterEach
	void tearDown() {
		Mocks.reset();
		BpmnAwareTests.reset();
	}

	@Test
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
