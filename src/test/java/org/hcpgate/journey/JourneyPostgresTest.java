package org.hcpgate.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.hcpgate.consent.Consent;
import org.hcpgate.consent.ConsentRepository;
import org.hcpgate.credentials.CredentialSubmission;
import org.hcpgate.credentials.CredentialSubmissionRepository;
import org.hcpgate.readers.Reader;
import org.hcpgate.support.JourneyDriver;
import org.hcpgate.support.PostgresIntegrationTest;
import org.hcpgate.support.Readers;
import org.hcpgate.support.Reviewer;
import org.hcpgate.verification.HcpVerification;
import org.hcpgate.verification.HcpVerificationService;
import org.hcpgate.verification.ZoneAccessService;
import org.hcpgate.zones.ZoneQuestion;
import org.hcpgate.zones.ZoneService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The reader's journey through the web layer, the engine and its job executor on
 * PostgreSQL; the reviewer decides through Camunda's REST API, as an integrator would.
 */
class JourneyPostgresTest extends PostgresIntegrationTest {

	static final String ZONE = "sepsis-immunotherapy";

	static final byte[] PNG = org.hcpgate.support.TestImages.png();

	@Autowired
	MockMvc mvc;

	@Autowired
	Reviewer reviewer;

	@Autowired
	JourneyDriver journeys;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	Readers readers;

	@Autowired
	TaskService taskService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	HistoryService historyService;

	@Autowired
	ConsentRepository consents;

	@Autowired
	CredentialSubmissionRepository submissions;

	@Autowired
	ZoneAccessService zoneAccess;

	@Autowired
	HcpVerificationService verifications;

	@Autowired
	JourneyEngine verification;

	@Autowired
	ZoneService zoneService;

	long articleId;

	Reader reader;

	@BeforeEach
	void newReader() {
		this.reader = this.readers.newReader();
		this.articleId = 1;
	}

	@Test
	void gatedArticleOpensAfterAgreementConsentRejectionResubmissionApprovalAndReviewedAnswers() throws Exception {
		this.mvc.perform(get("/articles/{id}", this.articleId).with(user(this.reader)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("enter-zone")))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("会议现场"))));

		// a GET shows the journey's first page and starts nothing; the button's POST
		// starts it
		this.mvc.perform(get(journey()).with(user(this.reader)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("开始认证")));
		assertThat(step()).isEqualTo(new JourneyStep(JourneyStep.Kind.NOT_STARTED, null));
		start().andExpect(redirectedUrl(journey()));
		page().andExpect(content().string(org.hamcrest.Matchers.containsString("壹生身份认证协议书")));
		answer("agreement", "agree");
		page().andExpect(content().string(org.hamcrest.Matchers.containsString("知情同意书")));
		answer("informed-consent", "skip");
		page().andExpect(content().string(org.hamcrest.Matchers.containsString("完善信息")));

		submitCredentials("王医生", PNG).andExpect(redirectedUrl(journey()));
		page().andExpect(content().string(org.hamcrest.Matchers.containsString("工作人员正在审核中")));

		Task review = reviewTask();
		assertThat(this.taskService.getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getGroupId)
			.contains("hcp-reviewers");
		Map<String, Object> reviewVariables = this.taskService.getVariables(review.getId());
		assertThat(reviewVariables).containsKeys("submissionId", "attempt", "readerId")
			.doesNotContainKeys("realName", "hospital", "licenceNumber");
		assertThat(reviewVariables.values()).noneMatch("王医生"::equals);

		decideOverRest(review.getId(),
				"{\"variables\":{\"decision\":{\"value\":\"rejected\"},\"reviewNote\":{\"value\":\"请上传清晰的照片\"},"
						+ "\"rejectionReasons\":{\"value\":\"[\\\"photo-unreadable\\\"]\",\"type\":\"Json\"}}}");
		await().atMost(Duration.ofSeconds(20)).until(() -> step().step(), "resubmit-credentials"::equals);
		page().andExpect(content().string(org.hamcrest.Matchers.containsString("审核未通过")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("照片无法辨认")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("请上传清晰的照片")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"王医生\"")));

		submitCredentials("王医生", null).andExpect(redirectedUrl(journey()));
		List<CredentialSubmission> attempts = this.submissions
			.findByReaderIdOrderBySubmittedAtDesc(this.reader.getReaderId());
		assertThat(attempts).extracting(CredentialSubmission::getAttempt).containsExactly(2, 1);
		assertThat(attempts.get(1).getDecision()).isEqualTo("rejected");
		assertThat(attempts.get(1).getRejectionReasons()).containsExactly("photo-unreadable");
		assertThat(attempts.get(0).getPhotoFile()).isEqualTo(attempts.get(1).getPhotoFile());

		decideOverRest(reviewTask().getId(), "{\"variables\":{\"decision\":{\"value\":\"approved\"}}}");

		// the demo zone collects answers, and staff review them
		await().atMost(Duration.ofSeconds(20)).until(() -> step().step(), "answer-questions"::equals);
		List<ZoneQuestion> questions = this.zoneService.questions(ZONE);
		page().andExpect(content().string(org.hamcrest.Matchers.containsString("收集问题")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString(questions.get(0).getText())));
		this.mvc
			.perform(post("/journey/" + ZONE + "/questions").param("article", String.valueOf(this.articleId))
				.param("answers[" + questions.get(0).getId() + "]", "医师")
				.param("answers[" + questions.get(1).getId() + "]", "免疫监测的时机")
				.with(user(this.reader))
				.with(csrf()))
			.andExpect(redirectedUrl(journey()));
		page().andExpect(content().string(org.hamcrest.Matchers.containsString("工作人员正在审核中")));
		Task informationReview = await().atMost(Duration.ofSeconds(10))
			.until(() -> this.taskService.createTaskQuery()
				.taskDefinitionKey("review-information")
				.processInstanceBusinessKey(this.reader.getReaderId() + ":" + ZONE)
				.singleResult(), java.util.Objects::nonNull);
		assertThat(this.taskService.getVariable(informationReview.getId(), "answerSetId")).isNotNull();
		decideOverRest(informationReview.getId(), "{\"variables\":{\"decision\":{\"value\":\"approved\"}}}");
		await().atMost(Duration.ofSeconds(20)).until(() -> this.zoneAccess.isGranted(this.reader.getReaderId(), ZONE));

		assertThat(this.verifications.isVerified(this.reader.getReaderId())).isTrue();
		page().andExpect(content().string(org.hamcrest.Matchers.containsString("您已通过HCP身份认证和信息审核")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("/articles/" + this.articleId)));
		this.mvc.perform(get("/articles/{id}", this.articleId).with(user(this.reader)))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("会议现场")));
		assertThat(this.historyService.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(this.reader.getReaderId() + ":" + ZONE)
			.singleResult()
			.getEndActivityId()).isEqualTo("access-granted");

		List<Consent> recorded = this.consents.findByReaderIdOrderByDecidedAtDescIdDesc(this.reader.getReaderId());
		assertThat(recorded).extracting(Consent::getDocument, Consent::getChoice)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple(Consent.Document.AGREEMENT, Consent.Choice.AGREED),
					org.assertj.core.groups.Tuple.tuple(Consent.Document.INFORMED_CONSENT, Consent.Choice.REFUSED));
		assertThat(recorded).allSatisfy(c -> {
			assertThat(c.getDocumentVersion()).isEqualTo(1);
			assertThat(c.getClientAddress()).isNotBlank();
			assertThat(c.getProcessInstanceId()).isNotBlank();
		});
	}

	@Test
	void refusingTheAgreementEndsTheJourneyPolitelyAndCanBeReconsidered() throws Exception {
		start();
		answer("agreement", "refuse");
		page().andExpect(content().string(org.hamcrest.Matchers.containsString("本服务仅面向医疗卫生专业人士")));
		assertThat(step()).isEqualTo(new JourneyStep(JourneyStep.Kind.ENDED, "agreement-refused"));
		assertThat(this.consents.findByReaderIdOrderByDecidedAtDescIdDesc(this.reader.getReaderId()))
			.extracting(Consent::getChoice)
			.containsExactly(Consent.Choice.REFUSED);

		start().andExpect(redirectedUrl(journey()));
		page().andExpect(content().string(org.hamcrest.Matchers.containsString("壹生身份认证协议书")));
	}

	@Test
	void aDoubleClickOnAgreeRecordsOneConsentAndMovesOneStep() throws Exception {
		start();
		answer("agreement", "agree");
		answer("agreement", "agree");
		assertThat(this.consents.findByReaderIdOrderByDecidedAtDescIdDesc(this.reader.getReaderId())).hasSize(1);
		assertThat(step().step()).isEqualTo("informed-consent");
	}

	@Test
	void badCredentialsComeBackWithTheInputKeptAndTranslatedErrors() throws Exception {
		start();
		answer("agreement", "agree");
		answer("informed-consent", "agree");

		this.mvc
			.perform(multipart("/journey/" + ZONE + "/credentials")
				.file(new MockMultipartFile("photo", "licence.png", "image/png",
						"<script>not an image</script>".getBytes()))
				.param("realName", "李护士")
				.param("hospital", "")
				.param("department", "ICU")
				.param("professionalTitle", "护师")
				.param("licenceNumber", "12")
				.param("article", String.valueOf(this.articleId))
				.with(user(this.reader))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"李护士\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("此项为必填项")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("执业证书编号须为")));

		submitCredentials("李护士", "<script>not an image</script>".getBytes()).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("照片须为 JPEG、PNG 或 PDF 文件")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"李护士\"")));
		assertThat(this.submissions.findByReaderIdOrderBySubmittedAtDesc(this.reader.getReaderId())).isEmpty();
		assertThat(step().step()).isEqualTo("submit-credentials");
	}

	@Test
	void concurrentStartsOfOneReadersJourneyStartOneInstance() throws Exception {
		String readerId = this.reader.getReaderId();
		Thread[] starts = new Thread[4];
		for (int i = 0; i < starts.length; i++) {
			starts[i] = new Thread(() -> this.verification.startJourney(readerId, ZONE));
		}
		for (Thread start : starts) {
			start.start();
		}
		for (Thread start : starts) {
			start.join();
		}
		assertThat(this.runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(this.reader.getReaderId() + ":" + ZONE)
			.count()).isEqualTo(1);
	}

	@Test
	void twoReviewersCompletingTheSameTaskLandOneDecision() throws Exception {
		start();
		answer("agreement", "agree");
		answer("informed-consent", "agree");
		submitCredentials("赵药师", PNG);
		String taskId = reviewTask().getId();

		ResponseEntity<String>[] answers = new ResponseEntity[2];
		Thread approve = new Thread(
				() -> answers[0] = decideOverRest(taskId, "{\"variables\":{\"decision\":{\"value\":\"approved\"}}}"));
		Thread reject = new Thread(() -> answers[1] = decideOverRest(taskId,
				"{\"variables\":{\"decision\":{\"value\":\"rejected\"},\"reviewNote\":{\"value\":\"x\"},"
						+ "\"rejectionReasons\":{\"value\":\"[\\\"not-hcp\\\"]\",\"type\":\"Json\"}}}"));
		approve.start();
		reject.start();
		approve.join();
		reject.join();

		assertThat(answers).filteredOn(a -> a.getStatusCode().is2xxSuccessful()).hasSize(1);
		assertThat(answers)
			.filteredOn(a -> a.getStatusCode().is5xxServerError() || a.getStatusCode().is4xxClientError())
			.hasSize(1);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.verifications.find(this.reader.getReaderId())
				.map(v -> v.getStatus() != HcpVerification.Status.IN_REVIEW)
				.orElse(false));
		assertThat(this.historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult().getEndTime())
			.isNotNull();
		assertThat(this.submissions.findByReaderIdOrderBySubmittedAtDesc(this.reader.getReaderId()))
			.extracting(CredentialSubmission::getDecision)
			.containsExactly(answers[0].getStatusCode().is2xxSuccessful() ? "approved" : "rejected");
	}

	private String journey() {
		return "/journey/" + ZONE + "?article=" + this.articleId;
	}

	private org.springframework.test.web.servlet.ResultActions page() throws Exception {
		return this.mvc.perform(get(journey()).with(user(this.reader))).andExpect(status().isOk());
	}

	private void answer(String step, String choice) throws Exception {
		this.mvc
			.perform(post("/journey/" + ZONE + "/" + step).param("article", String.valueOf(this.articleId))
				.param("choice", choice)
				.with(user(this.reader))
				.with(csrf()))
			.andExpect(redirectedUrl(journey()));
	}

	private ResultActions submitCredentials(String realName, byte[] photo) throws Exception {
		return this.journeys.submitCredentials(this.reader, ZONE, this.articleId, realName, photo);
	}

	private JourneyStep step() {
		return this.verification.currentStep(this.reader.getReaderId(), ZONE);
	}

	private Task reviewTask() {
		return this.reviewer.reviewTask(this.reader);
	}

	private ResponseEntity<String> decideOverRest(String taskId, String json) {
		return this.reviewer.complete(Reviewer.REVIEWER, taskId, json);
	}

	/** The teaser's button: a POST starts the journey. */
	private ResultActions start() throws Exception {
		return this.mvc
			.perform(post("/journey/" + ZONE + "/start").param("article", "1").with(user(this.reader)).with(csrf()));
	}

}
