package org.hcpgate.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.camunda.spin.Spin.JSON;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicBoolean;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.spin.plugin.variable.SpinValues;
import org.hcpgate.process.ProcessTestBeans.Delegates;
import org.hcpgate.process.ProcessTestBeans.HcpVerificationService;
import org.hcpgate.process.ProcessTestBeans.VerificationSettings;
import org.hcpgate.process.ProcessTestBeans.ZoneService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One test per path through {@code processes/zone-access.bpmn}, with the called
 * {@code hcp-verification} deployed beside it.
 */
@Deployment(resources = { "processes/zone-access.bpmn", "processes/hcp-verification.bpmn",
		"forms/review-credentials.form" })
class ZoneAccessProcessTest {

	// Not camunda.cfg.xml: that name would also be picked up by the REST API's engine lookup
	// in the Spring Boot tests and start a second engine there.
	@RegisterExtension
	ProcessEngineExtension engine = ProcessEngineExtension.builder()
		.configurationResource("process-tests.cfg.xml")
		.build();

	static final String PROCESS = "zone-access";

	static final String READER = "reader-42";

	static final String ZONE = "cardiology";

	static final String BUSINESS_KEY = READER + ":" + ZONE;

	private final Delegates delegates = new Delegates();

	/** The read model that {@code recordVerification} writes and the gateways read. */
	private final AtomicBoolean readerVerified = new AtomicBoolean();

	private final ZoneService zoneService = mock(ZoneService.class);

	private final HcpVerificationService hcpVerificationService = mock(HcpVerificationService.class);

	private JavaDelegate grantZoneAccess;

	private JavaDelegate recordVerification;

	private JavaDelegate recordFinalRejection;

	@BeforeEach
	void setUp(ProcessEngine engine) throws Exception {
		BpmnAwareTests.init(engine);
		when(this.hcpVerificationService.isVerified(anyString())).thenAnswer(call -> this.readerVerified.get());
		Mocks.register("zoneService", this.zoneService);
		Mocks.register("hcpVerificationService", this.hcpVerificationService);
		Mocks.register("verificationSettings",
				new VerificationSettings(3, "P30D", Date.from(Instant.now().plus(Duration.ofHours(48)))));
		this.grantZoneAccess = this.delegates.register("grantZoneAccess");
		// Approval verifies the reader, as the real delegate does in the read model.
		this.recordVerification = this.delegates.register("recordVerification", () -> this.readerVerified.set(true));
		this.recordFinalRejection = this.delegates.register("recordFinalRejection");
		this.delegates.register("recordRejection");
		this.delegates.register("recordAbandonment");
	}

	@AfterEach
	void tearDown() {
		Mocks.reset();
		BpmnAwareTests.reset();
	}

	@Test
	void refusedAgreementEndsAgreementRefused() {
		ProcessInstance instance = start();

		assertThat(instance).isWaitingAt("accept-agreement");
		assertThat(task()).isAssignedTo(READER).hasFormKey("site:accept-agreement");
		complete(task(), withVariables("agreementAccepted", false));

		assertThat(instance).hasPassed("agreement-refused").isEnded();
		verifyNoInteractions(this.zoneService, this.hcpVerificationService, this.grantZoneAccess);
	}

	@Test
	void informedConsentGivenAndAlreadyVerifiedEndsAccessGranted() throws Exception {
		when(this.zoneService.hasInformedConsent(ZONE)).thenReturn(true);
		this.readerVerified.set(true);
		ProcessInstance instance = start();

		assertThat(instance).isWaitingAt("accept-agreement");
		complete(task(), withVariables("agreementAccepted", true));

		assertThat(instance).isWaitingAt("informed-consent");
		assertThat(task()).isAssignedTo(READER).hasFormKey("site:informed-consent");
		complete(task(), withVariables("informedConsentGiven", true));

		assertThat(instance).isWaitingAt("grant-zone-access");
		execute(job());
		verify(this.grantZoneAccess).execute(any());
		assertThat(this.delegates.lastCallOf("grantZoneAccess").businessKey()).isEqualTo(BUSINESS_KEY);
		assertThat(this.delegates.lastCallOf("grantZoneAccess").variables()).containsEntry("readerId", READER)
			.containsEntry("zoneKey", ZONE)
			.containsEntry("agreementAccepted", true)
			.containsEntry("informedConsentGiven", true);
		assertThat(instance).hasPassedInOrder("accept-agreement", "informed-consent", "grant-zone-access",
				"access-granted");
		assertThat(instance).hasNotPassed("verify-hcp").isEnded();
		assertThat(
				historyService().createHistoricProcessInstanceQuery().processDefinitionKey("hcp-verification").count())
			.isZero();
	}

	@Test
	void skippedInformedConsentStillGoesOn() throws Exception {
		this.readerVerified.set(true);
		ProcessInstance instance = runtimeService().createProcessInstanceByKey(PROCESS)
			.businessKey(BUSINESS_KEY)
			.setVariables(withVariables("readerId", READER, "zoneKey", ZONE, "agreementAccepted", true))
			.startBeforeActivity("informed-consent")
			.execute();

		assertThat(instance).isWaitingAt("informed-consent");
		complete(task(), withVariables("informedConsentGiven", false));

		assertThat(instance).isWaitingAt("grant-zone-access");
		execute(job());
		assertThat(this.delegates.lastCallOf("grantZoneAccess").variables()).containsEntry("informedConsentGiven",
				false);
		assertThat(instance).hasPassed("access-granted").isEnded();
	}

	@Test
	void zoneWithoutInformedConsentSkipsTheStep() throws Exception {
		when(this.zoneService.hasInformedConsent(ZONE)).thenReturn(false);
		this.readerVerified.set(true);
		ProcessInstance instance = start();

		assertThat(instance).isWaitingAt("accept-agreement");
		complete(task(), withVariables("agreementAccepted", true));

		assertThat(instance).isWaitingAt("grant-zone-access");
		execute(job());
		verify(this.grantZoneAccess).execute(any());
		assertThat(this.delegates.lastCallOf("grantZoneAccess").variables()).doesNotContainKey("informedConsentGiven");
		assertThat(instance).hasNotPassed("informed-consent").hasPassed("access-granted").isEnded();
	}

	@Test
	void unverifiedReaderIsVerifiedInTheCalledProcessThenEndsAccessGranted() throws Exception {
		when(this.zoneService.hasInformedConsent(ZONE)).thenReturn(false);
		ProcessInstance instance = start();
		assertThat(instance).isWaitingAt("accept-agreement");
		complete(task(), withVariables("agreementAccepted", true));

		assertThat(instance).isWaitingAt("verify-hcp");
		assertThat(instance).calledProcessInstance("hcp-verification").isWaitingAt("submit-credentials");
		ProcessInstance verification = calledProcessInstance("hcp-verification", instance);
		assertThat(verification).hasBusinessKey(READER);
		assertThat(runtimeService().getVariables(verification.getId())).containsEntry("readerId", READER)
			.doesNotContainKey("zoneKey");

		complete(task(verification), withVariables("submissionId", 101L, "attempt", 1));
		assertThat(verification).isWaitingAt("review-credentials");
		complete(task(verification), withVariables("decision", "approved", "reviewNote", ""));
		execute(job(verification));

		assertThat(verification).hasPassed("verified").isEnded();
		assertThat(instance).isWaitingAt("grant-zone-access");
		execute(job(instance));
		verify(this.grantZoneAccess).execute(any());
		assertThat(instance).hasPassedInOrder("verify-hcp", "grant-zone-access", "access-granted").isEnded();
	}

	@Test
	void finalRejectionInTheCalledProcessEndsVerificationFailed() throws Exception {
		when(this.zoneService.hasInformedConsent(ZONE)).thenReturn(false);
		ProcessInstance instance = start();
		assertThat(instance).isWaitingAt("accept-agreement");
		complete(task(), withVariables("agreementAccepted", true));

		ProcessInstance verification = calledProcessInstance("hcp-verification", instance);
		complete(task(verification), withVariables("submissionId", 101L, "attempt", 1));
		complete(task(verification), withVariables("decision", "rejected-final", "rejectionReasons",
				SpinValues.jsonValue(JSON("[\"not-hcp\"]")).create(), "reviewNote", "非医疗卫生专业人士"));
		execute(job(verification));

		verify(this.recordFinalRejection).execute(any());
		assertThat(verification).hasPassed("rejected-final").isEnded();
		assertThat(instance).hasPassed("verify-hcp", "verification-failed").isEnded();
		verify(this.grantZoneAccess, never()).execute(any());
	}

	@Test
	void expiredResubmissionInTheCalledProcessEndsVerificationFailed() throws Exception {
		when(this.zoneService.hasInformedConsent(ZONE)).thenReturn(false);
		ProcessInstance instance = start();
		assertThat(instance).isWaitingAt("accept-agreement");
		complete(task(), withVariables("agreementAccepted", true));

		ProcessInstance verification = calledProcessInstance("hcp-verification", instance);
		complete(task(verification), withVariables("submissionId", 101L, "attempt", 1));
		complete(task(verification), withVariables("decision", "rejected", "rejectionReasons",
				SpinValues.jsonValue(JSON("[\"photo-unreadable\"]")).create(), "reviewNote", "照片不清晰"));
		execute(job(verification));
		assertThat(verification).isWaitingAt("resubmit-credentials");
		execute(job("resubmission-expired", verification));
		execute(job(verification));

		assertThat(verification).hasPassed("abandoned").isEnded();
		assertThat(instance).hasPassed("verification-failed").isEnded();
		verify(this.grantZoneAccess, never()).execute(any());
	}

	private ProcessInstance start() {
		return runtimeService().startProcessInstanceByKey(PROCESS, BUSINESS_KEY,
				withVariables("readerId", READER, "zoneKey", ZONE));
	}

}
