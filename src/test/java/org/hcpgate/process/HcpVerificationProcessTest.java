package org.hcpgate.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.camunda.spin.Spin.JSON;
import static org.hcpgate.process.ProcessTestBeans.handed;
import static org.hcpgate.process.ProcessTestBeans.handedOnce;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.hcpgate.process.ProcessTestBeans.Call;
import org.hcpgate.process.ProcessTestBeans.Delegates;
import org.hcpgate.journey.AnnounceVerificationOutcome;
import org.hcpgate.journey.JourneyEngine;
import org.hcpgate.process.ProcessTestBeans.VerificationSettings;
import org.hcpgate.review.EscalateReview;
import org.hcpgate.review.RecordAbandonment;
import org.hcpgate.review.RecordFinalRejection;
import org.hcpgate.review.RecordRejection;
import org.hcpgate.review.RecordVerification;
import org.hcpgate.review.ReviewDecision;
import org.hcpgate.review.ReviewDecisionService;
import org.hcpgate.review.ReviewService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/**
 * One test per path through {@code processes/hcp-verification.bpmn}; detours start right
 * before the activity they are about.
 */
@Deployment(resources = { "processes/review-group.dmn", "processes/resubmission-policy.dmn",
		"processes/hcp-verification.bpmn", "forms/review-credentials.form", "forms/confirm-final-rejection.form" })
class HcpVerificationProcessTest {

	// Not camunda.cfg.xml: that name would also be picked up by the REST API's engine
	// lookup
	// in the Spring Boot tests and start a second engine there.
	@RegisterExtension
	ProcessEngineExtension engine = ProcessEngineExtension.builder()
		.configurationResource("process-tests.cfg.xml")
		.build();

	static final String PROCESS = "hcp-verification";

	static final String READER = "reader-42";

	// A winter date keeps P30D free of daylight-saving shifts in any time zone.
	static final Date NOW = Date.from(Instant.parse("2025-01-10T09:00:00Z"));

	static final Date REVIEW_DUE = Date.from(NOW.toInstant().plus(Duration.ofHours(48)));

	private final Delegates delegates = new Delegates();

	/**
	 * The business service behind the delegates and {@code openReviewRound}: what they
	 * hand it is their mapping of the instance.
	 */
	private final ReviewService reviews = mock(ReviewService.class);

	/** The journeys' side, told by {@code announceVerificationOutcome}. */
	private final JourneyEngine journeys = mock(JourneyEngine.class);

	private JavaDelegate recordVerification;

	private JavaDelegate recordRejection;

	private JavaDelegate recordFinalRejection;

	private JavaDelegate recordAbandonment;

	private JavaDelegate escalateReview;

	/** Tells waiting zone journeys that the verification ended, whatever the end. */
	private ExecutionListener announceVerificationOutcome;

	/**
	 * The audit table behind {@code recordReviewDecision}; the listeners themselves are
	 * real.
	 */
	private ReviewDecisionService decisions;

	static final String REVIEWER_A = "reviewer-a";

	static final String REVIEWER_B = "reviewer-b";

	static final String LEAD = "lead-c";

	@BeforeEach
	void setUp(ProcessEngine engine) {
		BpmnAwareTests.init(engine);
		staff(engine.getIdentityService(), REVIEWER_A, "hcp-reviewers");
		staff(engine.getIdentityService(), REVIEWER_B, "hcp-reviewers");
		staff(engine.getIdentityService(), LEAD, "hcp-review-leads");
		ClockUtil.setCurrentTime(NOW);
		Mocks.register("verificationSettings", VerificationSettings.defaults(REVIEW_DUE));
		this.recordVerification = this.delegates.register("recordVerification", new RecordVerification(this.reviews));
		this.recordRejection = this.delegates.register("recordRejection", new RecordRejection(this.reviews));
		this.recordFinalRejection = this.delegates.register("recordFinalRejection",
				new RecordFinalRejection(this.reviews));
		this.recordAbandonment = this.delegates.register("recordAbandonment", new RecordAbandonment(this.reviews));
		this.escalateReview = this.delegates.register("escalateReview", new EscalateReview(this.reviews));
		this.announceVerificationOutcome = this.delegates.registerListener("announceVerificationOutcome",
				new AnnounceVerificationOutcome(this.journeys));
		this.decisions = ProcessTestBeans.registerReviewBeans(this.reviews);
	}

	@AfterEach
	void tearDown() {
		identityService().clearAuthentication();
		Mocks.reset();
		ClockUtil.reset();
		BpmnAwareTests.reset();
	}

	@Test
	void approvedOnFirstAttemptEndsVerified() throws Exception {
		ProcessInstance instance = runtimeService().startProcessInstanceByKey(PROCESS, READER,
				withVariables("readerId", READER, "zoneKey", "cardiology"));

		assertThat(instance).isWaitingAt("submit-credentials");
		assertThat(task()).isAssignedTo(READER).hasFormKey("site:submit-credentials");
		complete(task(), withVariables("submissionId", 101L, "attempt", 1, "profession", "doctor"));

		assertThat(instance).isWaitingAt("review-credentials");
		assertIsReview(task());
		verify(this.reviews).openReview(READER);
		complete(task(), withVariables("decision", "approved", "reviewNote", ""));

		assertThat(instance).isWaitingAt("record-verification");
		verifyNoInteractions(this.announceVerificationOutcome);
		assertThat(handed(this.reviews, "recordApproval")).isEmpty();
		execute(job());

		verify(this.recordVerification).execute(any());
		assertThat(handedOnce(this.reviews, "recordApproval")).containsEntry("readerId", READER)
			.containsEntry("submissionId", 101L)
			.containsEntry("decision", "approved")
			.containsEntry("rejectionReasons", List.of())
			.containsEntry("reviewNote", "")
			.containsEntry("correction", null)
			.containsEntry("reviewedBy", null);
		assertThat(this.delegates.lastCallOf("recordVerification").businessKey()).isEqualTo(READER);
		assertThat(this.delegates.lastCallOf("recordVerification").variables()).containsEntry("readerId", READER)
			.containsEntry("submissionId", 101L)
			.containsEntry("attempt", 1)
			.containsEntry("decision", "approved");
		assertThat(instance).hasPassedInOrder("submit-credentials", "review-credentials", "record-verification",
				"verified");
		assertThat(instance).isEnded();
		assertOutcomeAnnouncedOnce("verified");
		verifyNoInteractions(this.recordRejection, this.recordFinalRejection, this.recordAbandonment,
				this.escalateReview);
	}

	@Test
	void rejectedThenResubmittedThenApprovedEndsVerified() throws Exception {
		ProcessInstance instance = startBeforeReview(1, 101L);

		complete(task(), withVariables("decision", "rejected", "rejectionReasons", reasons("photo-unreadable"),
				"reviewNote", "执业证书照片不清晰"));

		assertThat(instance).isWaitingAt("record-rejection");
		execute(job());
		verify(this.recordRejection).execute(any());
		assertThat(handedOnce(this.reviews, "recordRejection")).containsEntry("readerId", READER)
			.containsEntry("submissionId", 101L)
			.containsEntry("decision", "rejected")
			.containsEntry("rejectionReasons", List.of("photo-unreadable"))
			.containsEntry("reviewNote", "执业证书照片不清晰");
		assertThat(reasonCodes(this.delegates.lastCallOf("recordRejection"))).containsExactly("photo-unreadable");
		assertThat(this.delegates.lastCallOf("recordRejection").variables()).containsEntry("decision", "rejected")
			.containsEntry("reviewNote", "执业证书照片不清晰")
			.containsKey("rejectionReasons")
			.containsEntry("submissionId", 101L);

		assertThat(instance).isWaitingAt("resubmit-credentials");
		assertThat(task()).isAssignedTo(READER).hasFormKey("site:resubmit-credentials");
		complete(task(), withVariables("submissionId", 102L, "attempt", 2));

		assertThat(instance).isWaitingAt("review-credentials");
		assertThat(jobQuery().timers().activityId("resubmission-expired").count()).as("resubmission timer cancelled")
			.isZero();
		assertIsReview(task());
		complete(task(), withVariables("decision", "approved", "reviewNote", ""));

		verify(this.reviews, times(2)).openReview(READER);
		execute(job());
		verify(this.recordVerification).execute(any());
		assertThat(handedOnce(this.reviews, "recordApproval")).containsEntry("readerId", READER)
			.containsEntry("submissionId", 102L)
			.containsEntry("decision", "approved")
			.containsEntry("rejectionReasons", List.of());
		assertThat(this.delegates.lastCallOf("recordVerification").variables()).containsEntry("submissionId", 102L)
			.containsEntry("attempt", 2);
		assertThat(instance).hasPassed("record-rejection", "resubmit-credentials", "verified").isEnded();
		verifyNoInteractions(this.recordFinalRejection, this.recordAbandonment);
	}

	@Test
	void finalRejectionConfirmedByALeadEndsRejectedFinal() throws Exception {
		ProcessInstance instance = startBeforeReview(1, 101L);

		as(REVIEWER_A, () -> complete(task(), withVariables("decision", "rejected-final", "rejectionReasons",
				reasons("not-hcp"), "reviewNote", "非医疗卫生专业人士", "internalNote", "医院查无此人")));

		// four-eyes: nothing is recorded for the reader until a lead confirms
		assertThat(instance).isWaitingAt("confirm-final-rejection");
		Task confirmation = task();
		assertThat(confirmation).hasCandidateGroup("hcp-review-leads").isNotAssigned().hasDueDate(REVIEW_DUE);
		assertThat(taskQuery().taskId(confirmation.getId())
			.initializeFormKeys()
			.singleResult()
			.getCamundaFormRef()
			.getKey()).isEqualTo("confirm-final-rejection");
		assertThat(runtimeService().getVariable(instance.getId(), "reviewedBy")).isEqualTo(REVIEWER_A);
		verifyNoInteractions(this.recordFinalRejection, this.announceVerificationOutcome);

		as(LEAD, () -> {
			taskService().claim(confirmation.getId(), LEAD);
			complete(confirmation, withVariables("finalRejectionConfirmed", true, "confirmationNote", "同意"));
		});

		assertThat(instance).isWaitingAt("record-final-rejection");
		execute(job());
		verify(this.recordFinalRejection).execute(any());
		assertThat(handedOnce(this.reviews, "recordFinalRejection")).containsEntry("readerId", READER)
			.containsEntry("submissionId", 101L)
			.containsEntry("decision", "rejected-final")
			.containsEntry("rejectionReasons", List.of("not-hcp"))
			.containsEntry("reviewNote", "非医疗卫生专业人士")
			.containsEntry("reviewedBy", REVIEWER_A);
		assertThat(this.delegates.lastCallOf("recordFinalRejection").variables())
			.containsEntry("decision", "rejected-final")
			.containsEntry("reviewNote", "非医疗卫生专业人士")
			.containsEntry("finalRejectionConfirmed", true);
		assertThat(instance)
			.hasPassedInOrder("review-credentials", "confirm-final-rejection", "record-final-rejection",
					"rejected-final")
			.hasNotPassed("record-rejection")
			.isEnded();
		assertOutcomeAnnouncedOnce("rejected-final");
		verifyNoInteractions(this.recordVerification, this.recordRejection, this.recordAbandonment);

		List<ReviewDecision> audited = audited(2);
		assertThat(audited.get(0)).satisfies(d -> {
			assertThat(d.getTaskKey()).isEqualTo("review-credentials");
			assertThat(d.getDecision()).isEqualTo("rejected-final");
			assertThat(d.getDecidedBy()).isEqualTo(REVIEWER_A);
			assertThat(d.getRejectionReasons()).containsExactly("not-hcp");
			assertThat(d.getInternalNote()).isEqualTo("医院查无此人");
			assertThat(d.getSubmissionId()).isEqualTo(101L);
			assertThat(d.getAttempt()).isEqualTo(1);
			assertThat(d.getReaderId()).isEqualTo(READER);
			assertThat(d.getProcessInstanceId()).isEqualTo(instance.getId());
		});
		assertThat(audited.get(1)).satisfies(d -> {
			assertThat(d.getTaskKey()).isEqualTo("confirm-final-rejection");
			assertThat(d.getTaskId()).isEqualTo(confirmation.getId());
			assertThat(d.getDecision()).isEqualTo("confirmed");
			assertThat(d.getDecidedBy()).isEqualTo(LEAD);
			assertThat(d.getInternalNote()).isEqualTo("同意");
		});
	}

	@Test
	void finalRejectionOverturnedByALeadGoesBackToAFreshReview() throws Exception {
		ProcessInstance instance = startBeforeReview(1, 101L);
		as(REVIEWER_A, () -> complete(task(), withVariables("decision", "rejected-final", "rejectionReasons",
				reasons("licence-invalid"), "reviewNote", "编号查无", "internalNote", "疑似伪造")));
		Task confirmation = task();

		as(LEAD, () -> complete(confirmation,
				withVariables("finalRejectionConfirmed", false, "confirmationNote", "编号格式是旧版,请重新核对")));

		// back to the group (not to the reviewer whose decision was overturned), blank
		assertThat(instance).isWaitingAt("review-credentials");
		Task review = task();
		assertIsReview(review);
		assertThat(runtimeService().getVariables(instance.getId()))
			.doesNotContainKeys("decision", "rejectionReasons", "reviewNote", "internalNote")
			.containsEntry("submissionId", 101L)
			.containsEntry("attempt", 1);
		assertThat(jobQuery().timers().activityId("review-overdue").count()).as("a new review SLA").isEqualTo(1);
		verifyNoInteractions(this.recordFinalRejection, this.recordRejection, this.announceVerificationOutcome);

		as(REVIEWER_B, () -> complete(review, withVariables("decision", "approved", "reviewNote", "")));
		execute(job());
		assertThat(handedOnce(this.reviews, "recordApproval")).containsEntry("readerId", READER)
			.containsEntry("submissionId", 101L)
			.containsEntry("decision", "approved")
			.containsEntry("rejectionReasons", List.of())
			.containsEntry("reviewedBy", REVIEWER_B);
		assertThat(handed(this.reviews, "recordFinalRejection")).isEmpty();
		assertThat(instance)
			.hasPassedInOrder("confirm-final-rejection", "review-credentials", "record-verification", "verified")
			.hasNotPassed("record-final-rejection")
			.isEnded();
		assertThat(audited(3)).extracting(ReviewDecision::getDecision)
			.containsExactly("rejected-final", "overturned", "approved");
	}

	@Test
	void theReviewerWhoRejectedFinallyCanNeitherClaimNorConfirmIt() {
		ProcessInstance instance = startBeforeReview(1, 101L);
		staff(identityService(), REVIEWER_A, "hcp-review-leads");
		try {
			as(REVIEWER_A, () -> complete(task(),
					withVariables("decision", "rejected-final", "rejectionReasons", reasons("not-hcp"))));
			Task confirmation = task();

			// a lead too, but the same person: refused on claim, on assignment by someone
			// else, on completion
			assertThatThrownBy(() -> taskService().claim(confirmation.getId(), REVIEWER_A))
				.isInstanceOf(ProcessEngineException.class)
				.hasMessageContaining("[same-reviewer]")
				.hasMessageContaining(REVIEWER_A);
			assertThatThrownBy(() -> taskService().setAssignee(confirmation.getId(), REVIEWER_A))
				.hasMessageContaining("[same-reviewer]");
			assertThatThrownBy(
					() -> as(REVIEWER_A, () -> complete(confirmation, withVariables("finalRejectionConfirmed", true))))
				.hasMessageContaining("[same-reviewer]");
			// nobody known cannot confirm either
			assertThatThrownBy(() -> complete(confirmation, withVariables("finalRejectionConfirmed", true)))
				.hasMessageContaining("[confirmer-unknown]");
			// a confirmation needs an answer
			assertThatThrownBy(() -> as(LEAD, () -> complete(confirmation, withVariables("confirmationNote", "?"))))
				.hasMessageContaining("[confirmation-required]");

			assertThat(task().getAssignee()).isNull();
			assertThat(instance).isWaitingAt("confirm-final-rejection");
			verifyNoInteractions(this.recordFinalRejection);

			as(LEAD, () -> complete(confirmation, withVariables("finalRejectionConfirmed", "true")));
			assertThat(instance).isWaitingAt("record-final-rejection");
			assertThat(runtimeService().getVariable(instance.getId(), "finalRejectionConfirmed"))
				.as("a REST caller's string becomes the Boolean the gateway reads")
				.isEqualTo(true);
		}
		finally {
			identityService().deleteMembership(REVIEWER_A, "hcp-review-leads");
		}
	}

	@Test
	void aRejectionWithoutAReasonFromTheCatalogueIsRefusedAndTheReviewStaysOpen() {
		ProcessInstance instance = startBeforeReview(1, 101L);
		Task review = task();

		assertThatThrownBy(() -> complete(review, withVariables("decision", "rejected", "reviewNote", "请重拍")))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("[reasons-required]")
			.hasMessageContaining("至少选择一个未通过原因");
		assertThatThrownBy(
				() -> complete(review, withVariables("decision", "rejected-final", "rejectionReasons", reasons())))
			.hasMessageContaining("[reasons-required]");
		assertThatThrownBy(
				() -> complete(review, withVariables("decision", "rejected", "rejectionReasons", reasons("looks-odd"))))
			.hasMessageContaining("[reason-unknown]")
			.hasMessageContaining("looks-odd");
		assertThatThrownBy(() -> complete(review, withVariables("decision", "rejected", "rejectionReasons",
				reasons("not-hcp"), "reviewNote", "x".repeat(2001))))
			.hasMessageContaining("[note-too-long]");

		assertThat(instance).isWaitingAt("review-credentials");
		assertThat(task().getId()).isEqualTo(review.getId());
		verifyNoInteractions(this.decisions, this.recordRejection, this.recordFinalRejection);
	}

	@Test
	void aClaimedReviewIsDecidedByItsAssigneeOnly() {
		ProcessInstance instance = startBeforeReview(1, 101L);
		Task review = task();
		taskService().claim(review.getId(), REVIEWER_A);

		assertThatThrownBy(() -> taskService().claim(review.getId(), REVIEWER_B))
			.isInstanceOf(TaskAlreadyClaimedException.class)
			.hasMessageContaining("already claimed");
		assertThatThrownBy(() -> as(REVIEWER_B, () -> complete(review, withVariables("decision", "approved"))))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("[claimed-by-other]")
			.hasMessageContaining(REVIEWER_A);
		assertThat(instance).isWaitingAt("review-credentials");
		verifyNoInteractions(this.decisions);

		as(REVIEWER_A, () -> complete(review, withVariables("decision", "approved")));
		assertThat(instance).isWaitingAt("record-verification");
		assertThat(audited(1).get(0).getDecidedBy()).isEqualTo(REVIEWER_A);
	}

	@Test
	void aResubmissionGoesBackToTheReviewerWhoRejectedIt() throws Exception {
		ProcessInstance instance = startBeforeReview(1, 101L);
		as(REVIEWER_A, () -> complete(task(), withVariables("decision", "rejected", "rejectionReasons",
				reasons("photo-unreadable"), "reviewNote", "照片不清晰", "internalNote", "内部")));
		execute(job());
		complete(task(), withVariables("submissionId", 102L, "attempt", 2));

		assertThat(instance).isWaitingAt("review-credentials");
		assertThat(task()).isAssignedTo(REVIEWER_A);
		assertThat(taskService().getIdentityLinksForTask(task().getId())).extracting(IdentityLink::getGroupId)
			.as("the group keeps it as candidates")
			.contains("hcp-reviewers");
		// the new round opens blank: no decision of the last round to complete it with
		assertThat(runtimeService().getVariables(instance.getId()))
			.doesNotContainKeys("decision", "rejectionReasons", "reviewNote", "internalNote")
			.containsEntry("reviewedBy", REVIEWER_A);
		assertThatThrownBy(() -> as(REVIEWER_A, () -> complete(task(), withVariables("reviewNote", "ok"))))
			.hasMessageContaining("[decision-unknown]");
	}

	@Test
	void aResubmissionGoesToTheGroupWhenTheReviewerIsNoLongerAReviewer() throws Exception {
		ProcessInstance instance = startBeforeReview(1, 101L);
		as(REVIEWER_B, () -> complete(task(),
				withVariables("decision", "rejected", "rejectionReasons", reasons("photo-unreadable"))));
		execute(job());
		identityService().deleteMembership(REVIEWER_B, "hcp-reviewers");
		try {
			complete(task(), withVariables("submissionId", 102L, "attempt", 2));
			assertThat(instance).isWaitingAt("review-credentials");
			assertIsReview(task());
		}
		finally {
			identityService().createMembership(REVIEWER_B, "hcp-reviewers");
		}
	}

	@Test
	void anApprovalKeepsNoRejectionReasons() throws Exception {
		ProcessInstance instance = startBeforeReview(1, 101L);
		as(REVIEWER_A, () -> complete(task(),
				withVariables("decision", "approved", "rejectionReasons", reasons("not-hcp"), "internalNote", "证件清楚")));

		assertThat(runtimeService().getVariables(instance.getId())).doesNotContainKey("rejectionReasons");
		execute(job());
		assertThat(this.delegates.lastCallOf("recordVerification").variables()).doesNotContainKey("rejectionReasons");
		assertThat(handedOnce(this.reviews, "recordApproval")).containsEntry("rejectionReasons", List.of())
			.containsEntry("reviewedBy", REVIEWER_A);
		assertThat(audited(1).get(0)).satisfies(d -> {
			assertThat(d.getRejectionReasons()).isEmpty();
			assertThat(d.getInternalNote()).isEqualTo("证件清楚");
			assertThat(d.getTimeToDecision().isNegative()).isFalse();
		});
	}

	@Test
	void rejectedOnEveryAttemptEndsRejectedFinalAfterMaxAttempts() throws Exception {
		ProcessInstance instance = startBeforeReview(1, 101L);

		for (int attempt = 2; attempt <= 3; attempt++) {
			complete(task(), withVariables("decision", "rejected", "rejectionReasons",
					reasons("information-incomplete"), "reviewNote", "信息不完整"));
			assertThat(instance).isWaitingAt("record-rejection");
			execute(job());
			assertThat(instance).isWaitingAt("resubmit-credentials");
			complete(task(), withVariables("submissionId", 100L + attempt, "attempt", attempt));
			assertThat(instance).isWaitingAt("review-credentials");
		}

		// A retryable rejection, but no attempt is left.
		complete(task(), withVariables("decision", "rejected", "rejectionReasons", reasons("information-incomplete"),
				"reviewNote", "信息不完整"));

		// no attempt left: final without a lead's confirmation (nobody chose
		// rejected-final)
		assertThat(instance).isWaitingAt("record-final-rejection");
		execute(job());
		assertThat(instance).hasNotPassed("confirm-final-rejection");
		verify(this.recordRejection, times(2)).execute(any());
		verify(this.recordFinalRejection).execute(any());
		assertThat(handed(this.reviews, "recordRejection")).extracting(rejection -> rejection.get("submissionId"))
			.containsExactly(101L, 102L);
		assertThat(handedOnce(this.reviews, "recordFinalRejection")).containsEntry("readerId", READER)
			.containsEntry("submissionId", 103L)
			.containsEntry("decision", "rejected")
			.containsEntry("rejectionReasons", List.of("information-incomplete"))
			.containsEntry("reviewNote", "信息不完整");
		assertThat(this.delegates.lastCallOf("recordFinalRejection").variables()).containsEntry("decision", "rejected")
			.containsEntry("attempt", 3)
			.containsEntry("submissionId", 103L);
		assertThat(instance).hasPassed("rejected-final").isEnded();
		assertOutcomeAnnouncedOnce("rejected-final");
		verifyNoInteractions(this.recordVerification, this.recordAbandonment);
	}

	@Test
	void reviewWithoutAKnownDecisionIsRefused() {
		ProcessInstance instance = startBeforeReview(1, 101L);
		Task review = task();

		assertThatThrownBy(() -> complete(review, withVariables("decision", "maybe")))
			.isInstanceOf(ProcessEngineException.class);

		assertThat(instance).isWaitingAt("review-credentials");
		verifyNoInteractions(this.recordVerification, this.recordRejection, this.recordFinalRejection);
	}

	@Test
	void unansweredResubmissionExpiresAfterThirtyDaysAndEndsAbandoned() throws Exception {
		ProcessInstance instance = runtimeService().createProcessInstanceByKey(PROCESS)
			.businessKey(READER)
			.setVariables(withVariables("readerId", READER, "submissionId", 101L, "attempt", 1, "decision", "rejected"))
			.setVariables(policy())
			.startBeforeActivity("resubmit-credentials")
			.execute();

		assertThat(instance).isWaitingAt("resubmit-credentials");
		Job timer = job("resubmission-expired");
		assertThat(timer.getDuedate()).isEqualTo(Date.from(NOW.toInstant().plus(Duration.ofDays(30))));

		ClockUtil.setCurrentTime(timer.getDuedate());
		execute(timer);

		assertThat(instance).isWaitingAt("record-abandonment");
		assertThat(taskQuery().processInstanceId(instance.getId()).count()).isZero();
		verifyNoInteractions(this.announceVerificationOutcome);
		execute(job());
		verify(this.recordAbandonment).execute(any());
		verify(this.reviews).recordAbandonment(READER);
		assertThat(this.delegates.lastCallOf("recordAbandonment").businessKey()).isEqualTo(READER);
		assertThat(instance).hasPassed("resubmission-expired", "abandoned").isEnded();
		assertOutcomeAnnouncedOnce("abandoned");
		verifyNoInteractions(this.recordVerification, this.recordFinalRejection);
	}

	@Test
	void anUntouchedFirstSubmissionExpiresAfterThirtyDaysAndEndsAbandoned() throws Exception {
		ProcessInstance instance = runtimeService().startProcessInstanceByKey(PROCESS, READER,
				withVariables("readerId", READER, "zoneKey", "cardiology"));

		assertThat(instance).isWaitingAt("submit-credentials");
		Job timer = job("submission-expired");
		assertThat(timer.getDuedate()).isEqualTo(Date.from(NOW.toInstant().plus(Duration.ofDays(30))));

		ClockUtil.setCurrentTime(timer.getDuedate());
		execute(timer);

		assertThat(instance).isWaitingAt("record-abandonment");
		assertThat(taskQuery().processInstanceId(instance.getId()).count()).isZero();
		execute(job());
		verify(this.recordAbandonment).execute(any());
		verify(this.reviews).recordAbandonment(READER);
		assertThat(this.delegates.lastCallOf("recordAbandonment").businessKey()).isEqualTo(READER);
		assertThat(instance).hasPassed("submission-expired", "abandoned").isEnded();
		assertOutcomeAnnouncedOnce("abandoned");
		verifyNoInteractions(this.recordVerification, this.recordFinalRejection);
	}

	@Test
	void overdueReviewIsEscalatedAndStaysOpen() throws Exception {
		ProcessInstance instance = startBeforeReview(1, 101L);
		Task review = task();

		Job timer = job("review-overdue");
		assertThat(timer.getDuedate()).isEqualTo(Date.from(NOW.toInstant().plus(Duration.ofHours(48))));
		ClockUtil.setCurrentTime(timer.getDuedate());
		execute(timer);

		assertThat(instance).isWaitingAt("review-credentials", "escalate-review");
		execute(job("escalate-review"));

		verify(this.escalateReview).execute(any());
		verify(this.reviews).escalateReview(instance.getId());
		assertThat(this.delegates.lastCallOf("escalateReview").businessKey()).isEqualTo(READER);
		assertThat(this.delegates.lastCallOf("escalateReview").variables()).containsEntry("readerId", READER)
			.containsEntry("submissionId", 101L)
			.containsEntry("attempt", 1);
		assertThat(instance).hasPassed("review-overdue", "escalate-review", "review-escalated").isNotEnded();
		assertThat(instance).isWaitingAt("review-credentials");
		assertThat(task().getId()).as("the same review task, still open").isEqualTo(review.getId());
		assertThat(jobQuery().processInstanceId(instance.getId()).count()).as("the SLA fires once").isZero();
		verifyNoInteractions(this.announceVerificationOutcome);

		// The escalated review is decided as any other.
		complete(task(), withVariables("decision", "approved", "reviewNote", ""));
		execute(job());
		assertThat(instance).hasPassed("verified").isEnded();
		assertOutcomeAnnouncedOnce("verified");
	}

	@Test
	void instanceEndsOnlyWhenAPendingEscalationHasRun() throws Exception {
		ProcessInstance instance = startBeforeReview(1, 101L);
		Job timer = job("review-overdue");
		ClockUtil.setCurrentTime(timer.getDuedate());
		execute(timer);

		// Decided while the escalation still waits for the job executor.
		complete(task(), withVariables("decision", "approved", "reviewNote", ""));
		execute(job("record-verification"));

		assertThat(instance).hasPassed("verified").isWaitingAt("escalate-review");
		verifyNoInteractions(this.announceVerificationOutcome);
		execute(job("escalate-review"));

		verify(this.escalateReview).execute(any());
		verify(this.reviews).escalateReview(instance.getId());
		assertThat(instance).hasPassed("verified", "review-escalated").isEnded();
		// The listener sees the end reached last: it cannot tell the outcome by the end
		// event.
		assertOutcomeAnnouncedOnce("review-escalated");
	}

	/**
	 * The process-level end listener ran once, when the instance ended at {@code end},
	 * and told the journeys whose verification ended.
	 */
	private void assertOutcomeAnnouncedOnce(String end) throws Exception {
		verify(this.announceVerificationOutcome, times(1)).notify(any());
		verify(this.journeys, times(1)).announceVerificationEnded(READER);
		Call call = this.delegates.lastCallOf("announceVerificationOutcome");
		assertThat(call.businessKey()).isEqualTo(READER);
		assertThat(call.variables()).containsEntry("readerId", READER);
		assertThat(call.activityId()).isEqualTo(end);
	}

	/**
	 * Runs {@code action} as the signed-in staff member {@code userId}, as Tasklist and
	 * REST do.
	 */
	private static void as(String userId, Runnable action) {
		identityService().setAuthenticatedUserId(userId);
		try {
			action.run();
		}
		finally {
			identityService().clearAuthentication();
		}
	}

	private static void staff(IdentityService identity, String userId, String group) {
		if (identity.createUserQuery().userId(userId).count() == 0) {
			identity.saveUser(identity.newUser(userId));
		}
		if (identity.createGroupQuery().groupId(group).count() == 0) {
			identity.saveGroup(identity.newGroup(group));
		}
		if (identity.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
			identity.createMembership(userId, group);
		}
	}

	/** The decisions handed to the audit, in order; exactly {@code count} of them. */
	private List<ReviewDecision> audited(int count) {
		ArgumentCaptor<ReviewDecision> recorded = ArgumentCaptor.forClass(ReviewDecision.class);
		verify(this.decisions, times(count)).record(recorded.capture());
		return recorded.getAllValues();
	}

	/** Reason codes as Tasklist's Camunda Form submits a checklist: a JSON list. */
	private static JsonValue reasons(String... codes) {
		return SpinValues.jsonValue(JSON(List.of(codes))).create();
	}

	private static List<String> reasonCodes(Call call) {
		SpinJsonNode reasons = (SpinJsonNode) call.variables().get("rejectionReasons");
		return reasons.elements().stream().map(SpinJsonNode::stringValue).toList();
	}

	private ProcessInstance startBeforeReview(int attempt, long submissionId) {
		ProcessInstance instance = runtimeService().createProcessInstanceByKey(PROCESS)
			.businessKey(READER)
			.setVariables(withVariables("readerId", READER, "submissionId", submissionId, "attempt", attempt))
			.setVariables(policy())
			.startBeforeActivity("decide-review-group")
			.execute();
		assertThat(instance).isWaitingAt("review-credentials");
		return instance;
	}

	/**
	 * What the start of an instance has: the zone that asked, the profession of the
	 * submission, and the resubmission policy its decision answered (the settings).
	 */
	private static Map<String, Object> policy() {
		return withVariables("zoneKey", "cardiology", "profession", "doctor", "maxAttempts", 3, "resubmissionTimeout",
				"P30D");
	}

	private static void assertIsReview(Task review) throws IOException {
		assertThat(review).hasCandidateGroup("hcp-reviewers").isNotAssigned().hasDueDate(REVIEW_DUE);
		Task withForm = taskQuery().taskId(review.getId()).initializeFormKeys().singleResult();
		CamundaFormRef formRef = withForm.getCamundaFormRef();
		assertThat(formRef.getKey()).isEqualTo("review-credentials");
		assertThat(formRef.getBinding()).isEqualTo("deployment");
		// The form deployed with the model is the one Tasklist shows.
		try (InputStream form = formService().getDeployedTaskForm(review.getId())) {
			assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8))
				.contains("\"id\": \"review-credentials\"");
		}
	}

}
