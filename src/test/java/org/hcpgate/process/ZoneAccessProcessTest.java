package org.hcpgate.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.camunda.spin.Spin.JSON;
import static org.hcpgate.process.ProcessTestBeans.handedOnce;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.spin.plugin.variable.SpinValues;
import org.hcpgate.consent.Consent;
import org.hcpgate.consent.ConsentService;
import org.hcpgate.journey.AnnounceVerificationOutcome;
import org.hcpgate.journey.GrantZoneAccess;
import org.hcpgate.journey.JourneyEngine;
import org.hcpgate.notifications.Notice;
import org.hcpgate.notifications.Notification;
import org.hcpgate.notifications.NotificationService;
import org.hcpgate.process.ProcessTestBeans.Delegates;
import org.hcpgate.process.ProcessTestBeans.VerificationSettings;
import org.hcpgate.review.EscalateReview;
import org.hcpgate.review.RecordAbandonment;
import org.hcpgate.review.RecordFinalRejection;
import org.hcpgate.review.RecordInformationRejection;
import org.hcpgate.review.RecordRejection;
import org.hcpgate.review.RecordVerification;
import org.hcpgate.review.ReviewService;
import org.hcpgate.verification.HcpVerificationService;
import org.hcpgate.verification.ZoneAccessService;
import org.hcpgate.zones.ZoneService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One test per path through {@code processes/zone-access.bpmn}, with the called
 * {@code hcp-verification} deployed beside it.
 */
@Deployment(resources = { "processes/review-group.dmn", "processes/resubmission-policy.dmn",
		"processes/information-review.dmn", "processes/zone-access.bpmn", "processes/hcp-verification.bpmn",
		"forms/review-credentials.form", "forms/review-information.form", "forms/confirm-final-rejection.form" })
class ZoneAccessProcessTest {

	// Not camunda.cfg.xml: that name would also be picked up by the REST API's engine
	// lookup
	// in the Spring Boot tests and start a second engine there.
	@RegisterExtension
	ProcessEngineExtension engine = ProcessEngineExtension.builder()
		.configurationResource("process-tests.cfg.xml")
		.build();

	static final String PROCESS = "zone-access";

	static final String READER = "reader-42";

	static final String ZONE = "cardiology";

	static final String BUSINESS_KEY = READER + ":" + ZONE;

	// A winter date keeps P30D free of daylight-saving shifts in any time zone.
	static final Date NOW = Date.from(Instant.parse("2025-01-10T09:00:00Z"));

	/** The version of the zone's agreement the reader accepted, in force. */
	static final int AGREEMENT_VERSION = 3;

	/** The article the reader asked for when the journey into {@code ZONE} started. */
	static final long ARTICLE = 555L;

	private final Delegates delegates = new Delegates();

	/**
	 * The read model that {@code recordVerification} writes (through
	 * {@code ReviewService.recordApproval}) and the gateways read.
	 */
	private final AtomicBoolean readerVerified = new AtomicBoolean();

	/**
	 * The business service behind the review delegates; an approval verifies the reader,
	 * as the real one does in the read model.
	 */
	private final ReviewService reviews = mock(ReviewService.class,
			ProcessTestBeans.doing("recordApproval", () -> this.readerVerified.set(true)));

	private final ZoneService zoneService = mock(ZoneService.class);

	private final HcpVerificationService hcpVerificationService = mock(HcpVerificationService.class);

	/**
	 * The journeys' side: asked by the model whether a verification runs, told by
	 * {@code announceVerificationOutcome} that one ended.
	 */
	private final JourneyEngine journeyEngine = mock(JourneyEngine.class);

	/**
	 * Behind {@code grantZoneAccess}: the zone-access read model, consents, the inbox.
	 */
	private final ZoneAccessService zoneAccess = mock(ZoneAccessService.class);

	private final ConsentService consents = mock(ConsentService.class);

	private final NotificationService notifications = mock(NotificationService.class);

	private JavaDelegate grantZoneAccess;

	private JavaDelegate recordInformationRejection;

	private ExecutionListener announceVerificationOutcome;

	private JavaDelegate recordVerification;

	private JavaDelegate recordFinalRejection;

	@BeforeEach
	void setUp(ProcessEngine engine) throws Exception {
		BpmnAwareTests.init(engine);
		ClockUtil.setCurrentTime(NOW);
		when(this.hcpVerificationService.isVerified(anyString())).thenAnswer(call -> this.readerVerified.get());
		Mocks.register("zoneService", this.zoneService);
		Mocks.register("hcpVerificationService", this.hcpVerificationService);
		Mocks.register("journeyEngine", this.journeyEngine);
		Mocks.register("verificationSettings",
				VerificationSettings.defaults(Date.from(NOW.toInstant().plus(Duration.ofHours(48)))));
		Consent agreement = mock(Consent.class);
		when(agreement.getDocumentVersion()).thenReturn(AGREEMENT_VERSION);
		when(this.consents.agreementInForce(eq(READER), anyString())).thenReturn(Optional.of(agreement));
		when(this.zoneAccess.requestedArticle(READER, ZONE)).thenReturn(Optional.of(ARTICLE));
		this.grantZoneAccess = this.delegates.register("grantZoneAccess",
				new GrantZoneAccess(this.zoneAccess, this.consents, this.zoneService, this.notifications));
		this.recordInformationRejection = this.delegates.register("recordInformationRejection",
				new RecordInformationRejection(this.reviews));
		this.recordVerification = this.delegates.register("recordVerification", new RecordVerification(this.reviews));
		this.recordFinalRejection = this.delegates.register("recordFinalRejection",
				new RecordFinalRejection(this.reviews));
		this.delegates.register("recordRejection", new RecordRejection(this.reviews));
		this.delegates.register("recordAbandonment", new RecordAbandonment(this.reviews));
		this.delegates.register("escalateReview", new EscalateReview(this.reviews));
		this.announceVerificationOutcome = this.delegates.registerListener("announceVerificationOutcome",
				new AnnounceVerificationOutcome(this.journeyEngine));
		ProcessTestBeans.registerReviewBeans(this.reviews);
	}

	@AfterEach
	void tearDown() {
		Mocks.reset();
		ClockUtil.reset();
		BpmnAwareTests.reset();
	}

	@Test
	void refusedAgreementEndsAgreementRefused() {
		ProcessInstance instance = start();

		assertThat(instance).isWaitingAt("accept-agreement");
		assertThat(task()).isAssignedTo(READER).hasFormKey("site:accept-agreement");
		complete(task(), withVariables("agreementAccepted", false));

		assertThat(instance).hasPassed("agreement-refused").isEnded();
		verifyNoInteractions(this.zoneService, this.hcpVerificationService, this.journeyEngine, this.grantZoneAccess,
				this.zoneAccess, this.notifications);
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
		verifyNoInteractions(this.zoneAccess, this.notifications);
		execute(job());
		verify(this.grantZoneAccess).execute(any());
		assertGrantedAndTold(instance, Notification.Kind.ACCESS_GRANTED);
		assertThat(this.delegates.lastCallOf("grantZoneAccess").businessKey()).isEqualTo(BUSINESS_KEY);
		assertThat(this.delegates.lastCallOf("grantZoneAccess").variables()).containsEntry("readerId", READER)
			.containsEntry("zoneKey", ZONE)
			.containsEntry("agreementAccepted", true)
			.containsEntry("informedConsentGiven", true);
		assertThat(instance).hasPassedInOrder("accept-agreement", "informed-consent", "grant-zone-access",
				"access-granted");
		assertThat(instance).hasNotPassed("verify-hcp", "answer-questions").isEnded();
		assertThat(verificationsStarted()).isZero();
		verifyNoInteractions(this.journeyEngine);
	}

	/** A final rejection holds in every zone: no new verification starts (issue 10). */
	@Test
	void aFinallyRejectedReaderEndsVerificationFailedWithoutANewVerification() {
		when(this.zoneService.hasInformedConsent(ZONE)).thenReturn(false);
		when(this.hcpVerificationService.isBarred(READER)).thenReturn(true);
		ProcessInstance instance = start();
		assertThat(instance).isWaitingAt("accept-agreement");
		complete(task(), withVariables("agreementAccepted", true));

		assertThat(instance)
			.hasPassedInOrder("Gateway_AlreadyVerified", "Gateway_VerificationBarred", "verification-failed")
			.hasNotPassed("verify-hcp", "await-verification")
			.isEnded();
		assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("hcp-verification").count())
			.isZero();
		verifyNoInteractions(this.journeyEngine, this.grantZoneAccess);
	}

	/**
	 * The hourly re-check of a journey that waited for another zone's verification: the
	 * same.
	 */
	@Test
	void theRecheckOfAWaitingJourneyEndsVerificationFailedOnceTheReaderIsBarred() throws Exception {
		when(this.journeyEngine.isVerificationRunning(READER)).thenReturn(true);
		ProcessInstance instance = runtimeService().createProcessInstanceByKey(PROCESS)
			.businessKey(BUSINESS_KEY)
			.setVariables(withVariables("readerId", READER, "zoneKey", ZONE))
			.startBeforeActivity("Gateway_VerificationCheckJoin")
			.execute();
		assertThat(instance).isWaitingAt("await-verification");

		when(this.hcpVerificationService.isBarred(READER)).thenReturn(true);
		execute(job("verification-recheck"));

		assertThat(instance).hasPassed("verification-failed").hasNotPassed("verify-hcp").isEnded();
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
		assertGrantedAndTold(instance, Notification.Kind.ACCESS_GRANTED);
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
		assertGrantedAndTold(instance, Notification.Kind.ACCESS_GRANTED);
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
		verify(this.journeyEngine, atLeastOnce()).isVerificationRunning(READER);
		assertThat(instance).calledProcessInstance("hcp-verification").isWaitingAt("submit-credentials");
		ProcessInstance verification = calledProcessInstance("hcp-verification", instance);
		assertThat(verification).hasBusinessKey(READER);
		// the zone that asked is an input of the verification's rules
		// (resubmission-policy,
		// review-group); nothing else of the journey is passed on
		assertThat(runtimeService().getVariables(verification.getId())).containsEntry("readerId", READER)
			.containsEntry("zoneKey", ZONE)
			.doesNotContainKey("agreementAccepted");

		complete(task(verification), withVariables("submissionId", 101L, "attempt", 1));
		assertThat(verification).isWaitingAt("review-credentials");
		complete(task(verification), withVariables("decision", "approved", "reviewNote", ""));
		execute(job(verification));

		assertThat(verification).hasPassed("verified").isEnded();
		// the verification's delegate records it for the reader (its business key), not
		// for the journey
		assertThat(handedOnce(this.reviews, "recordApproval")).containsEntry("readerId", READER)
			.containsEntry("submissionId", 101L)
			.containsEntry("decision", "approved");
		verify(this.announceVerificationOutcome).notify(any());
		verify(this.journeyEngine).announceVerificationEnded(READER);
		assertThat(instance).isWaitingAt("grant-zone-access");
		execute(job(instance));
		verify(this.grantZoneAccess).execute(any());
		assertGrantedAndTold(instance, Notification.Kind.ACCESS_GRANTED);
		assertThat(instance).hasPassedInOrder("verify-hcp", "grant-zone-access", "access-granted").isEnded();
	}

	@Test
	void finalRejectionInTheCalledProcessEndsVerificationFailed(ProcessEngine engine) throws Exception {
		when(this.zoneService.hasInformedConsent(ZONE)).thenReturn(false);
		ProcessInstance instance = start();
		assertThat(instance).isWaitingAt("accept-agreement");
		complete(task(), withVariables("agreementAccepted", true));

		ProcessInstance verification = calledProcessInstance("hcp-verification", instance);
		complete(task(verification), withVariables("submissionId", 101L, "attempt", 1));
		complete(task(verification), withVariables("decision", "rejected-final", "rejectionReasons",
				SpinValues.jsonValue(JSON("[\"not-hcp\"]")).create(), "reviewNote", "非医疗卫生专业人士"));
		// four-eyes: a lead confirms the final rejection
		assertThat(verification).isWaitingAt("confirm-final-rejection");
		engine.getIdentityService().setAuthenticatedUserId("lead-c");
		try {
			complete(task(verification), withVariables("finalRejectionConfirmed", true));
		}
		finally {
			engine.getIdentityService().clearAuthentication();
		}
		execute(job(verification));

		verify(this.recordFinalRejection).execute(any());
		assertThat(handedOnce(this.reviews, "recordFinalRejection")).containsEntry("readerId", READER)
			.containsEntry("submissionId", 101L)
			.containsEntry("decision", "rejected-final")
			.containsEntry("rejectionReasons", List.of("not-hcp"));
		verify(this.journeyEngine).announceVerificationEnded(READER);
		assertThat(verification).hasPassed("rejected-final").isEnded();
		assertThat(instance).hasPassed("verify-hcp", "verification-failed").isEnded();
		verify(this.grantZoneAccess, never()).execute(any());
		verifyNoInteractions(this.zoneAccess, this.notifications);
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
		assertThat(handedOnce(this.reviews, "recordRejection")).containsEntry("readerId", READER)
			.containsEntry("submissionId", 101L)
			.containsEntry("rejectionReasons", List.of("photo-unreadable"));
		verify(this.reviews).recordAbandonment(READER);
		assertThat(instance).hasPassed("verification-failed").isEnded();
		verify(this.grantZoneAccess, never()).execute(any());
		verifyNoInteractions(this.zoneAccess, this.notifications);
	}

	// A verification of the reader is already running (started by a journey into another
	// zone): the journey waits for its end instead of starting a second one.

	@Test
	void runningVerificationIsAwaitedAndItsApprovalGrantsAccess() throws Exception {
		ProcessInstance instance = startAwaitingARunningVerification();

		// Approved elsewhere; announceVerificationOutcome correlates the message.
		this.readerVerified.set(true);
		correlateVerificationCompleted();

		assertThat(instance).hasPassed("verification-completed");
		execute(job());
		assertThat(instance).isWaitingAt("grant-zone-access");
		execute(job());
		verify(this.grantZoneAccess).execute(any());
		assertGrantedAndTold(instance, Notification.Kind.ACCESS_GRANTED);
		assertThat(instance).hasPassedInOrder("await-verification", "verification-completed", "grant-zone-access",
				"access-granted");
		assertThat(instance).hasNotPassed("verify-hcp", "verification-recheck").isEnded();
		assertThat(verificationsStarted()).isZero();
	}

	@Test
	void runningVerificationEndingUnverifiedEndsVerificationFailed() throws Exception {
		ProcessInstance instance = startAwaitingARunningVerification();

		// Finally rejected or abandoned elsewhere: no new verification after that end.
		correlateVerificationCompleted();
		execute(job());

		assertThat(instance).hasPassed("verification-completed", "verification-failed")
			.hasNotPassed("verify-hcp")
			.isEnded();
		assertThat(verificationsStarted()).isZero();
		verify(this.journeyEngine, times(1)).isVerificationRunning(READER);
		verify(this.grantZoneAccess, never()).execute(any());
		verifyNoInteractions(this.zoneAccess, this.notifications);
	}

	@Test
	void hourlyRecheckLoopsBackToTheVerificationCheck() throws Exception {
		ProcessInstance instance = startAwaitingARunningVerification();

		// Still running an hour later: wait again, with a new timer.
		executeRecheck(NOW.toInstant().plus(Duration.ofHours(1)));
		assertThat(instance).hasPassed("verification-recheck").isWaitingAt("await-verification");
		verify(this.journeyEngine, times(2)).isVerificationRunning(READER);
		assertThat(job("verification-recheck").getDuedate())
			.isEqualTo(Date.from(NOW.toInstant().plus(Duration.ofHours(2))));

		// Approved, but the message was missed: the next re-check finds the reader
		// verified.
		this.readerVerified.set(true);
		executeRecheck(NOW.toInstant().plus(Duration.ofHours(2)));
		assertThat(instance).isWaitingAt("grant-zone-access");
		execute(job());
		assertGrantedAndTold(instance, Notification.Kind.ACCESS_GRANTED);
		assertThat(instance).hasPassed("access-granted").hasNotPassed("verification-completed", "verify-hcp").isEnded();
		verify(this.journeyEngine, times(2)).isVerificationRunning(READER);
	}

	@Test
	void recheckAfterTheOtherVerificationEndedStartsOneOfItsOwn() {
		ProcessInstance instance = startAwaitingARunningVerification();

		// The other verification ended unverified and its message was missed.
		when(this.journeyEngine.isVerificationRunning(READER)).thenReturn(false);
		executeRecheck(NOW.toInstant().plus(Duration.ofHours(1)));

		assertThat(instance).hasPassed("verification-recheck").isWaitingAt("verify-hcp");
		assertThat(instance).calledProcessInstance("hcp-verification").isWaitingAt("submit-credentials");
		assertThat(calledProcessInstance("hcp-verification", instance)).hasBusinessKey(READER);
	}

	/**
	 * Two journeys of one reader: the first starts the verification, the second waits for
	 * it; its end, announced by the real listener to the journeys' side (which correlates
	 * as {@code JourneyEngine} does), moves the second one on.
	 */
	@Test
	void secondJourneyOfTheReaderJoinsTheRunningVerification() throws Exception {
		when(this.journeyEngine.isVerificationRunning(READER))
			.thenAnswer(call -> processInstanceQuery().processDefinitionKey("hcp-verification")
				.processInstanceBusinessKey(READER)
				.count() > 0);
		doAnswer(call -> {
			correlateVerificationCompleted();
			return null;
		}).when(this.journeyEngine).announceVerificationEnded(READER);
		ProcessInstance first = startInto(ZONE);
		complete(task(first), withVariables("agreementAccepted", true));
		ProcessInstance verification = calledProcessInstance("hcp-verification", first);

		ProcessInstance second = startInto("oncology");
		complete(task(second), withVariables("agreementAccepted", true));
		assertThat(second).isWaitingAt("await-verification");
		assertThat(verificationsStarted()).isEqualTo(1);

		complete(task(verification), withVariables("submissionId", 101L, "attempt", 1));
		complete(task(verification), withVariables("decision", "approved", "reviewNote", ""));
		execute(job(verification));

		assertThat(verification).hasPassed("verified").isEnded();
		assertThat(first).isWaitingAt("grant-zone-access");
		assertThat(second).hasPassed("verification-completed");
		execute(job(second));
		assertThat(second).isWaitingAt("grant-zone-access");
		execute(job(first));
		execute(job(second));
		assertThat(first).hasPassed("verify-hcp", "access-granted").isEnded();
		assertThat(second).hasPassed("access-granted").hasNotPassed("verify-hcp").isEnded();
		assertThat(verificationsStarted()).isEqualTo(1);
		verify(this.journeyEngine, times(1)).announceVerificationEnded(READER);
		assertGrantedAndTold(first, Notification.Kind.ACCESS_GRANTED);
		verify(this.zoneAccess).grant(READER, "oncology", AGREEMENT_VERSION);
		verify(this.notifications)
			.notify(Notice.of(READER, Notification.Kind.ACCESS_GRANTED, second.getId()).leadingTo("oncology", null));
	}

	// Questions and their review, after the verification.

	@Test
	void answeredQuestionsWithoutReviewEndAccessGranted() throws Exception {
		this.readerVerified.set(true);
		when(this.zoneService.hasQuestions(ZONE)).thenReturn(true);
		ProcessInstance instance = start();
		assertThat(instance).isWaitingAt("accept-agreement");
		complete(task(), withVariables("agreementAccepted", true));

		assertThat(instance).isWaitingAt("answer-questions");
		assertThat(task()).isAssignedTo(READER).hasFormKey("site:answer-questions");
		complete(task(), withVariables("answerSetId", 7L));

		verify(this.zoneService, atLeastOnce()).requiresInformationReview(ZONE);
		assertThat(instance).isWaitingAt("grant-zone-access");
		execute(job());
		// answers nobody reviewed: the reader is told of the access only
		assertGrantedAndTold(instance, Notification.Kind.ACCESS_GRANTED);
		assertThat(this.delegates.lastCallOf("grantZoneAccess").variables()).containsEntry("answerSetId", 7L);
		assertThat(instance).hasPassedInOrder("answer-questions", "grant-zone-access", "access-granted")
			.hasNotPassed("review-information")
			.isEnded();
	}

	@Test
	void rejectedInformationIsAnsweredAgainThenApproved() throws Exception {
		this.readerVerified.set(true);
		when(this.zoneService.hasQuestions(ZONE)).thenReturn(true);
		when(this.zoneService.requiresInformationReview(ZONE)).thenReturn(true);
		ProcessInstance instance = start();
		assertThat(instance).isWaitingAt("accept-agreement");
		complete(task(), withVariables("agreementAccepted", true));
		assertThat(instance).isWaitingAt("answer-questions");
		complete(task(), withVariables("answerSetId", 7L));

		assertThat(instance).isWaitingAt("review-information");
		assertIsInformationReview(task());
		complete(task(), withVariables("decision", "rejected", "reviewNote", "请补充所在医院"));

		assertThat(instance).isWaitingAt("record-information-rejection");
		execute(job());
		verify(this.recordInformationRejection).execute(any());
		verify(this.reviews).recordInformationDecision(BUSINESS_KEY, 7L, "rejected", "请补充所在医院");
		assertThat(this.delegates.lastCallOf("recordInformationRejection").businessKey()).isEqualTo(BUSINESS_KEY);
		assertThat(this.delegates.lastCallOf("recordInformationRejection").variables())
			.containsEntry("readerId", READER)
			.containsEntry("zoneKey", ZONE)
			.containsEntry("answerSetId", 7L)
			.containsEntry("decision", "rejected")
			.containsEntry("reviewNote", "请补充所在医院");

		assertThat(instance).isWaitingAt("answer-questions");
		assertThat(task()).isAssignedTo(READER).hasFormKey("site:answer-questions");
		complete(task(), withVariables("answerSetId", 8L));

		assertThat(instance).isWaitingAt("review-information");
		complete(task(), withVariables("decision", "approved", "reviewNote", ""));

		assertThat(instance).isWaitingAt("grant-zone-access");
		execute(job());
		// staff approved the answers just before: one message says both
		assertGrantedAndTold(instance, Notification.Kind.INFORMATION_APPROVED);
		assertThat(this.delegates.lastCallOf("grantZoneAccess").variables()).containsEntry("answerSetId", 8L)
			.containsEntry("decision", "approved");
		assertThat(instance).hasPassedInOrder("answer-questions", "review-information", "record-information-rejection",
				"answer-questions", "review-information", "grant-zone-access", "access-granted");
		assertThat(instance).isEnded();
		verify(this.recordInformationRejection, times(1)).execute(any());
		verify(this.reviews, times(1)).recordInformationDecision(anyString(), anyLong(), anyString(), anyString());
	}

	@Test
	void informationReviewWithoutAKnownDecisionIsRefused() {
		ProcessInstance instance = runtimeService().createProcessInstanceByKey(PROCESS)
			.businessKey(BUSINESS_KEY)
			.setVariables(withVariables("readerId", READER, "zoneKey", ZONE, "answerSetId", 7L))
			.startBeforeActivity("review-information")
			.execute();
		Task review = task(instance);

		assertThatThrownBy(() -> complete(review, withVariables("decision", "maybe")))
			.isInstanceOf(ProcessEngineException.class);

		assertThat(instance).isWaitingAt("review-information");
		verifyNoInteractions(this.recordInformationRejection, this.grantZoneAccess, this.reviews, this.zoneAccess,
				this.notifications);
	}

	// A reader step left unanswered for journey-timeout ends the journey.

	@ParameterizedTest
	@CsvSource({ "accept-agreement, agreement-expired", "informed-consent, informed-consent-expired",
			"answer-questions, answers-expired" })
	void readerStepLeftUnansweredEndsAbandoned(String step, String timeout) throws Exception {
		ProcessInstance instance = runtimeService().createProcessInstanceByKey(PROCESS)
			.businessKey(BUSINESS_KEY)
			.setVariables(withVariables("readerId", READER, "zoneKey", ZONE))
			.startBeforeActivity(step)
			.execute();
		assertThat(instance).isWaitingAt(step);

		Job timer = job(timeout);
		assertThat(timer.getDuedate()).isEqualTo(Date.from(NOW.toInstant().plus(Duration.ofDays(30))));
		ClockUtil.setCurrentTime(timer.getDuedate());
		execute(timer);

		assertThat(instance).hasPassed(timeout, "abandoned").isEnded();
		assertThat(taskQuery().processInstanceId(instance.getId()).count()).isZero();
		verifyNoInteractions(this.hcpVerificationService, this.journeyEngine, this.grantZoneAccess, this.zoneAccess,
				this.notifications);
	}

	private ProcessInstance start() {
		return startInto(ZONE);
	}

	private ProcessInstance startInto(String zoneKey) {
		return runtimeService().startProcessInstanceByKey(PROCESS, READER + ":" + zoneKey,
				withVariables("readerId", READER, "zoneKey", zoneKey));
	}

	/** Agreement accepted by an unverified reader whose verification runs elsewhere. */
	private ProcessInstance startAwaitingARunningVerification() {
		when(this.journeyEngine.isVerificationRunning(READER)).thenReturn(true);
		ProcessInstance instance = start();
		assertThat(instance).isWaitingAt("accept-agreement");
		complete(task(), withVariables("agreementAccepted", true));

		assertThat(instance).isWaitingAt("await-verification");
		verify(this.journeyEngine).isVerificationRunning(READER);
		assertThat(runtimeService().createEventSubscriptionQuery()
			.processInstanceId(instance.getId())
			.eventType("message")
			.eventName("verification-completed")
			.count()).isEqualTo(1);
		assertThat(job("verification-recheck").getDuedate())
			.isEqualTo(Date.from(NOW.toInstant().plus(Duration.ofHours(1))));
		assertThat(taskQuery().processInstanceId(instance.getId()).count()).isZero();
		assertThat(verificationsStarted()).isZero();
		return instance;
	}

	/**
	 * What {@code announceVerificationOutcome} sends when the reader's verification ends.
	 */
	private static void correlateVerificationCompleted() {
		runtimeService().createMessageCorrelation("verification-completed")
			.processInstanceVariableEquals("readerId", READER)
			.correlateAll();
	}

	/**
	 * What {@code grantZoneAccess} handed the services: the zone opened for the reader on
	 * the agreement version in force, and one notice of {@code kind} about the journey,
	 * leading back to the article the reader asked for.
	 */
	private void assertGrantedAndTold(ProcessInstance journey, Notification.Kind kind) {
		verify(this.zoneAccess).grant(READER, ZONE, AGREEMENT_VERSION);
		verify(this.notifications).notify(Notice.of(READER, kind, journey.getId()).leadingTo(ZONE, ARTICLE));
	}

	private static void executeRecheck(Instant at) {
		Job timer = job("verification-recheck");
		assertThat(timer.getDuedate()).isEqualTo(Date.from(at));
		ClockUtil.setCurrentTime(timer.getDuedate());
		execute(timer);
	}

	private static long verificationsStarted() {
		return historyService().createHistoricProcessInstanceQuery().processDefinitionKey("hcp-verification").count();
	}

	private static void assertIsInformationReview(Task review) throws IOException {
		assertThat(review).hasCandidateGroup("hcp-reviewers").isNotAssigned();
		Task withForm = taskQuery().taskId(review.getId()).initializeFormKeys().singleResult();
		CamundaFormRef formRef = withForm.getCamundaFormRef();
		assertThat(formRef.getKey()).isEqualTo("review-information");
		assertThat(formRef.getBinding()).isEqualTo("deployment");
		// The form deployed with the model is the one Tasklist shows.
		try (InputStream form = formService().getDeployedTaskForm(review.getId())) {
			assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8))
				.contains("\"id\": \"review-information\"");
		}
	}

}
