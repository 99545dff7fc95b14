package org.hcpgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.task.Task;
import org.hcpgate.support.JourneyDriver;
import org.hcpgate.support.PostgresIntegrationTest;
import org.hcpgate.support.Reviewer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * A staff form cannot hand the process's own variables to staff (security, round three):
 * even a form that carries a field keyed {@code attempt} (deployed past the model check,
 * as an older deployment could be) does not let a reviewer write it.
 */
class ProcessOwnedFormKeysPostgresTest extends PostgresIntegrationTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	JourneyDriver journeys;

	@Autowired
	Reviewer reviewer;

	@Test
	void aReviewFormWithAFieldKeyedAttemptDoesNotLetAReviewerWriteIt() throws IOException {
		String form = Files.readString(Path.of("forms/review-credentials.form"))
			.replace("\"components\": [", "\"components\": [\n    { \"id\": \"attempt-field\", \"key\": \"attempt\", "
					+ "\"type\": \"number\", \"label\": \"提交次数\" },");
		assertThat(form).contains("\"key\": \"attempt\"");
		String deployment = deployPastTheModelCheck(form);
		try {
			Task review = this.journeys.newSubmission("韩医生").review();
			assertThat(this.repository.getProcessDefinition(review.getProcessDefinitionId()).getDeploymentId())
				.isEqualTo(deployment);

			ResponseEntity<String> forged = this.reviewer.complete(Reviewer.REVIEWER, review.getId(),
					"{\"variables\":{\"decision\":{\"value\":\"rejected\"},\"reviewNote\":{\"value\":\"请上传清晰的照片\"},"
							+ "\"rejectionReasons\":{\"value\":\"[\\\"photo-unreadable\\\"]\",\"type\":\"Json\"},"
							+ "\"attempt\":{\"value\":3}}}");

			assertThat(forged.getStatusCode()).as(forged.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(forged.getBody()).contains("[" + StaffChanges.NOT_IN_FORM + "]", "attempt");
			assertThat(this.runtime.getVariable(review.getProcessInstanceId(), "attempt")).isEqualTo(1);
		}
		finally {
			this.repository.deleteDeployment(deployment, true, true);
		}
	}

	/** Deploys the verification with this review form, the model check set aside. */
	private String deployPastTheModelCheck(String reviewForm) throws IOException {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) this.engine
			.getProcessEngineConfiguration();
		// the list the deployment cache runs, not a copy
		Object cacheDeployer = ReflectionTestUtils.getField(configuration.getDeploymentCache(), "cacheDeployer");
		@SuppressWarnings("unchecked")
		List<Deployer> deployers = (List<Deployer>) ReflectionTestUtils.getField(cacheDeployer, "deployers");
		Deployer check = deployers.stream()
			.filter(deployer -> deployer.getClass().getSimpleName().equals("ValidatingDeployer"))
			.findFirst()
			.orElseThrow();
		int at = deployers.indexOf(check);
		deployers.remove(at);
		try {
			DeploymentBuilder builder = this.repository.createDeployment().name("review form with attempt");
			for (String file : List.of("processes/hcp-verification.bpmn", "processes/review-group.dmn",
					"processes/resubmission-policy.dmn", "forms/confirm-final-rejection.form")) {
				builder.addString(Path.of(file).getFileName().toString(), Files.readString(Path.of(file)));
			}
			builder.addInputStream("review-credentials.form",
					new ByteArrayInputStream(reviewForm.getBytes(StandardCharsets.UTF_8)));
			return builder.deploy().getId();
		}
		finally {
			deployers.add(at, check);
		}
	}

}
