package org.hcpgate.journey;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.hcpgate.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A model deployed before the rename still names {@code verificationService}: its
 * instances keep running, the old name resolving to {@link JourneyEngine}
 * (docs/process-contract.md, "Renamed beans").
 */
class FormerBeanNamesPostgresTest extends PostgresIntegrationTest {

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	HistoryService historyService;

	@Test
	void anOlderModelsExpressionOnTheFormerBeanNameStillResolves() {
		this.repositoryService.createDeployment()
			.addModelInstance("former-bean-name.bpmn",
					Bpmn.createExecutableProcess("former-bean-name")
						.camundaHistoryTimeToLive(1)
						.startEvent()
						.exclusiveGateway()
						.condition("running", "${verificationService.isVerificationRunning(readerId)}")
						.endEvent("verification-running")
						.moveToLastGateway()
						.condition("not running", "${!verificationService.isVerificationRunning(readerId)}")
						.endEvent("no-verification-running")
						.done())
			.deploy();

		ProcessInstance instance = this.runtimeService.createProcessInstanceByKey("former-bean-name")
			.setVariable("readerId", "reader-without-any-verification")
			.execute();

		assertThat(this.historyService.createHistoricProcessInstanceQuery()
			.processInstanceId(instance.getId())
			.singleResult()
			.getEndActivityId()).isEqualTo("no-verification-running");
	}

}
