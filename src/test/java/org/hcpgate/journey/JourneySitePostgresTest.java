package org.hcpgate.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.camunda.bpm.engine.TaskService;
import org.hcpgate.articles.Article;
import org.hcpgate.articles.ArticleRepository;
import org.hcpgate.credentials.CredentialSubmission;
import org.hcpgate.credentials.CredentialSubmissionRepository;
import org.hcpgate.vault.DocumentStore;
import org.hcpgate.readers.Reader;
import org.hcpgate.support.BrowserSession;
import org.hcpgate.support.JourneyDriver;
import org.hcpgate.support.PostgresIntegrationTest;
import org.hcpgate.support.Readers;
import org.hcpgate.support.TestImages;
import org.hcpgate.support.TestPdfs;
import org.hcpgate.verification.HcpVerificationService;
import org.hcpgate.verification.ZoneAccessService;
import org.hcpgate.zones.ZoneRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The journey pages as the site shows them: seed texts, the status the waiting pages
 * poll, the way back to the article asked for, and the licence upload (limits,
 * sanitizing, input kept, thumbnails only for their owner).
 */
class JourneySitePostgresTest extends PostgresIntegrationTest {

	@Autowired
	JourneyDriver journeys;

	@Autowired
	MockMvc mvc;

	@Autowired
	Readers readers;

	@Autowired
	ZoneRepository zones;

	@Autowired
	org.hcpgate.zones.ZoneService zoneService;

	@Autowired
	ArticleRepository articles;

	@Autowired
	JourneyEngine verification;

	@Autowired
	TaskService taskService;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	HcpVerificationService verifications;

	@Autowired
	ZoneAccessService zoneAccess;

	@Autowired
	CredentialSubmissionRepository submissions;

	@Autowired
	DocumentStore photos;

	@Autowired
	org.camunda.bpm.engine.RuntimeService runtimeService;

	@Autowired
	org.camunda.bpm.engine.RepositoryService repositoryService;

	@Autowired
	org.hcpgate.consent.ConsentRepository consents;

	Reader reader;

	String zone;

	Article article;

	@BeforeEach
	void setUp() {
		this.reader = this.readers.newReader();
		this.zone = this.journeys.newZone();
		this.article = this.journeys.newArticle(this.zone, true, "teaser", "<p>body</p>");
	}

	/**
	 * A zone an editor hid is no one's to enter: a verified reader, who would be let in
	 * at once, gets no journey and no access there.
	 */
	@Test
	void noJourneyStartsInAnUnpublishedZone() throws Exception {
		this.verifications.markVerified(this.reader.getReaderId());
		this.zoneService.update(this.zone,
				new org.hcpgate.zones.ZoneEdit("隐藏的专区", null, 1, false, null, null, null, false));
		this.mvc.perform(post("/journey/" + this.zone + "/start").with(user(this.reader)).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(this.runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(this.reader.getReaderId() + ":" + this.zone)
			.count()).isZero();
		assertThat(this.zoneAccess.isGranted(this.reader.getReaderId(), this.zone)).isFalse();
	}

	@Test
	void theDemoJourneyShowsTheSeedsTexts() throws Exception {
		String demo = "sepsis-immunotherapy";
		this.journeys.start(this.reader, demo, 1L);
		this.journeys.awaitStep(this.reader, demo, "accept-agreement");
		this.journeys.journey(this.reader, demo, 1L)
			.andExpect(content().string(containsString("<h1 id=\"step-title\">壹生身份认证协议书</h1>")))
			.andExpect(content().string(containsString("本项目是由壹生提供的专业性学术分享")))
			.andExpect(content().string(containsString(">同意</button>")))
			.andExpect(content().string(containsString(">拒绝</button>")));
		this.mvc.perform(post("/journey/" + demo + "/agreement").param("choice", "agree")
			.param("article", "1")
			.with(user(this.reader))
			.with(csrf()));
		this.journeys.journey(this.reader, demo, 1L)
			.andExpect(content().string(containsString("<h1 id=\"step-title\">知情同意书</h1>")))
			.andExpect(content().string(containsString(">不同意并跳过</button>")));
		this.mvc.perform(post("/journey/" + demo + "/informed-consent").param("choice", "skip")
			.param("article", "1")
			.with(user(this.reader))
			.with(csrf()));
		this.journeys.awaitStep(this.reader, demo, "submit-credentials");
		this.journeys.journey(this.reader, demo, 1L)
			.andExpect(content().string(containsString("<h1 id=\"step-title\">完善信息</h1>")))
			.andExpect(content().string(containsString("支持 JPEG、PNG 或 PDF,最大 5 MB。")));
		this.journeys.submitCredentials(this.reader, demo, 1L, "吴医生", TestImages.png());
		this.journeys.journey(this.reader, demo, 1L)
			.andExpect(content().string(containsString("<h1>工作人员正在审核中,</h1>")))
			.andExpect(content().string(containsString("请您耐心等待")))
			.andExpect(content().string(containsString("data-status-url=\"/journey/" + demo + "/status\"")))
			.andExpect(content().string(containsString("src=\"/js/journey-status.js\"")))
			.andExpect(content()
				.string(containsString("<noscript><meta http-equiv=\"refresh\" content=\"10\"></noscript>")));
		this.mvc.perform(get("/journey/" + demo + "/status").with(user(this.reader)))
			.andExpect(jsonPath("$.kind").value("IN_REVIEW"))
			.andExpect(jsonPath("$.state").value("IN_REVIEW"))
			.andExpect(header().string("Cache-Control", containsString("no-store")));
	}

	@Test
	void refusingTheAgreementSaysWhyTheZoneIsClosedAndHowToComeBack() throws Exception {
		this.journeys.start(this.reader, this.zone, this.article.getId());
		this.journeys.awaitStep(this.reader, this.zone, "accept-agreement");
		this.mvc.perform(get("/journey/" + this.zone + "/status").with(user(this.reader)))
			.andExpect(jsonPath("$.state").value("READER_STEP:accept-agreement"));
		this.mvc.perform(post("/journey/" + this.zone + "/agreement").param("choice", "refuse")
			.param("article", "" + this.article.getId())
			.with(user(this.reader))
			.with(csrf()));
		this.journeys.journey(this.reader, this.zone, this.article.getId())
			.andExpect(content().string(containsString("本服务仅面向医疗卫生专业人士")))
			.andExpect(content().string(containsString("您拒绝了身份认证协议书,因此无法使用本专区")))
			.andExpect(content().string(containsString("重新阅读协议")))
			.andExpect(content()
				.string(containsString("/journey/" + this.zone + "/start?article=" + this.article.getId())));
		this.mvc.perform(get("/journey/" + this.zone + "/status").with(user(this.reader)))
			.andExpect(jsonPath("$.state").value("ENDED:agreement-refused"));
	}

	@Test
	void aJourneyBusyOnTheEngineSideAndAStepTheSiteDoesNotKnowHaveTheirPages() throws Exception {
		String journeyKey = this.reader.getReaderId() + ":" + this.zone;
		// a journey waiting for a verification that has no task: nothing for reader or
		// staff
		var waiting = this.runtimeService.createProcessInstanceByKey("zone-access")
			.businessKey(journeyKey)
			.setVariable("readerId", this.reader.getReaderId())
			.setVariable("zoneKey", this.zone)
			.startBeforeActivity("await-verification")
			.execute();
		this.journeys.journey(this.reader, this.zone, null)
			.andExpect(content().string(containsString("<h1>正在处理,请稍候</h1>")))
			.andExpect(content().string(containsString("data-status-url=\"/journey/" + this.zone + "/status\"")))
			.andExpect(content()
				.string(containsString("<noscript><meta http-equiv=\"refresh\" content=\"2\"></noscript>")));
		this.mvc.perform(get("/journey/" + this.zone + "/status").with(user(this.reader)))
			.andExpect(jsonPath("$.state").value("PROCESSING"));

		// a model with a reader step this site has no page for never reaches a reader:
		// the deployment is refused (the unknown-step page stays for models deployed
		// before the validation existed)
		assertThatThrownBy(() -> this.repositoryService.createDeployment()
			.addModelInstance("site-test-new-step.bpmn",
					org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("site-test-new-step")
						.camundaHistoryTimeToLive(1)
						.startEvent()
						.userTask("new-step")
						.camundaAssignee("${readerId}")
						.camundaFormKey("site:new-step")
						.endEvent()
						.done())
			.deploy()).isInstanceOf(org.camunda.bpm.engine.ParseException.class)
			.hasMessageContaining("[new-step]: the site has no page for 'site:new-step'");
		assertThat(this.repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey("site-test-new-step")
			.count()).isZero();
		// staff deleted the journey (Cockpit): the next visit shows the start page, no
		// error
		this.runtimeService.deleteProcessInstance(waiting.getId(), "deleted by staff");
		this.journeys.journey(this.reader, this.zone, null)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("开始认证")));
		this.journeys.start(this.reader, this.zone, null);
		this.journeys.awaitStep(this.reader, this.zone, "accept-agreement");
	}

	@Test
	void onlyThePagesOwnChoicesDecideAStep() throws Exception {
		this.journeys.start(this.reader, this.zone, null);
		this.journeys.awaitStep(this.reader, this.zone, "accept-agreement");
		this.mvc
			.perform(post("/journey/" + this.zone + "/agreement").param("choice", "maybe")
				.with(user(this.reader))
				.with(csrf()))
			.andExpect(redirectedUrl("/journey/" + this.zone));
		this.mvc.perform(post("/journey/" + this.zone + "/agreement").with(user(this.reader)).with(csrf()))
			.andExpect(status().isBadRequest());
		assertThat(this.consents.findByReaderIdOrderByDecidedAtDescIdDesc(this.reader.getReaderId())).isEmpty();
		assertThat(this.verification.currentStep(this.reader.getReaderId(), this.zone).step())
			.isEqualTo("accept-agreement");
	}

	@Test
	void thePassedPageLeadsBackToTheArticleTheJourneyRemembers() throws Exception {
		this.verifications.markVerified(this.reader.getReaderId());
		this.journeys.agree(this.reader, this.zone, this.article.getId());
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.zoneAccess.isGranted(this.reader.getReaderId(), this.zone));
		assertThat(this.zoneAccess.requestedArticle(this.reader.getReaderId(), this.zone))
			.contains(this.article.getId());
		// no article parameter (a link from an e-mail, another device): the journey
		// remembers
		this.journeys.journey(this.reader, this.zone, null)
			.andExpect(content().string(containsString("您已通过HCP身份认证和信息审核")))
			.andExpect(content().string(containsString("data-target=\"/articles/" + this.article.getId() + "\"")))
			.andExpect(content().string(containsString("<span>(</span><span id=\"countdown\"")))
			.andExpect(content().string(containsString("id=\"continue\"")))
			.andExpect(content().string(containsString("src=\"/js/countdown.js\"")));
		this.mvc.perform(get("/articles/" + this.article.getId()).with(user(this.reader)))
			.andExpect(content().string(containsString("<p>body</p>")));
	}

	@Test
	void aPhotoOverTheLimitComesBackOnTheSamePageWithTheInputKept() throws Exception {
		toCredentials();
		byte[] big = new byte[6 * 1024 * 1024];
		System.arraycopy(TestImages.png(), 0, big, 0, TestImages.png().length);
		this.journeys.submitCredentials(this.reader, this.zone, this.article.getId(), "郑医生", big)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("文件过大,请上传 5 MB 以内的文件。")))
			.andExpect(content().string(containsString("aria-describedby=\"photo-error photo-hint\"")))
			.andExpect(content().string(containsString("value=\"郑医生\"")))
			.andExpect(content().string(containsString("value=\"北京协和医院\"")));
		assertThat(this.submissions.findByReaderIdOrderBySubmittedAtDesc(this.reader.getReaderId())).isEmpty();
	}

	@Test
	void imagesAreReencodedWithoutTheirMetadataAndShownOnlyToTheirOwner() throws Exception {
		toCredentials();
		byte[] withExif = jpegWithExif("EXIF-GPS-MARKER-31.2304N");
		assertThat(new String(withExif, StandardCharsets.ISO_8859_1)).contains("EXIF-GPS-MARKER");
		this.journeys.submitCredentials(this.reader, this.zone, this.article.getId(), "冯医生", withExif)
			.andExpect(redirectedUrl(JourneyDriver.path(this.zone, this.article.getId())));
		CredentialSubmission submission = this.submissions
			.findByReaderIdOrderBySubmittedAtDesc(this.reader.getReaderId())
			.get(0);
		byte[] stored;
		try (InputStream in = this.photos.open(submission.getPhotoFile(), this.reader.getReaderId())) {
			stored = in.readAllBytes();
		}
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("EXIF-GPS-MARKER")
			.doesNotContain("Exif");
		assertThat(ImageIO.read(new java.io.ByteArrayInputStream(stored)).getWidth()).isEqualTo(64);

		String photo = "/account/submissions/" + submission.getId() + "/photo";
		this.mvc.perform(get(photo).with(user(this.reader)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/jpeg"))
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
		this.mvc.perform(get(photo).with(user(this.readers.newReader()))).andExpect(status().isNotFound());
		this.mvc.perform(get("/account/submissions/987654321/photo").with(user(this.reader)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/account").with(user(this.reader)))
			.andExpect(content().string(containsString("src=\"" + photo + "\"")));
	}

	@Test
	void aGoodPhotoSentWithABadFormIsKeptForTheNextTry() throws Exception {
		toCredentials();
		BrowserSession session = new BrowserSession();
		var bad = this.journeys.credentials(this.reader, this.zone, this.article.getId(), "陈医生", TestImages.png())
			.param("licenceNumber", "12")
			.with(session);
		this.mvc.perform(bad)
			.andDo(session)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("执业证书编号须为")))
			.andExpect(content().string(containsString("已收到您上传的照片")))
			.andExpect(content().string(containsString("src=\"/journey/" + this.zone + "/pending-photo\"")));
		this.mvc.perform(get("/journey/" + this.zone + "/pending-photo").with(session).with(user(this.reader)))
			.andDo(session)
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/png"));
		this.mvc.perform(get("/journey/" + this.zone + "/pending-photo").with(user(this.reader)))
			.andExpect(status().isNotFound());

		this.mvc
			.perform(this.journeys.credentials(this.reader, this.zone, this.article.getId(), "陈医生", null).with(session))
			.andDo(session)
			.andExpect(redirectedUrl(JourneyDriver.path(this.zone, this.article.getId())));
		assertThat(this.submissions.findByReaderIdOrderBySubmittedAtDesc(this.reader.getReaderId()))
			.extracting(CredentialSubmission::getPhotoContentType)
			.containsExactly("image/png");
	}

	@Test
	void aReplacedPhotoAndASecondClickLeaveOnlyThePhotoTheSubmissionTook() throws Exception {
		toCredentials();
		BrowserSession session = new BrowserSession();
		for (int i = 0; i < 2; i++) {
			// two tries with a bad licence number, each with a new photo: the second
			// replaces the first
			this.mvc
				.perform(
						this.journeys.credentials(this.reader, this.zone, this.article.getId(), "陈医生", TestImages.png())
							.param("licenceNumber", "12")
							.with(session))
				.andDo(session)
				.andExpect(status().isOk());
		}
		assertThat(this.photos.documentsOf(this.reader.getReaderId())).hasSize(1);
		// a double click: two good forms with their own photos at the same moment
		ExecutorService clicks = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				answers.add(
						clicks.submit(
								() -> this.mvc
									.perform(
											this.journeys
												.credentials(this.reader, this.zone, this.article.getId(), "陈医生",
														TestImages.jpeg())
												.with(session))
									.andDo(session)
									.andReturn()
									.getResponse()
									.getStatus()));
			}
			for (Future<Integer> answer : answers) {
				assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo(302);
			}
		}
		finally {
			clicks.shutdownNow();
		}
		List<CredentialSubmission> submitted = this.submissions
			.findByReaderIdOrderBySubmittedAtDesc(this.reader.getReaderId());
		assertThat(submitted).hasSize(1);
		// one submission, one photo kept: the other click's and the replaced ones are
		// gone
		assertThat(this.photos.documentsOf(this.reader.getReaderId())).containsExactly(submitted.get(0).getPhotoFile());
	}

	@Test
	void pastTheDailyQuotaThePhotoComesBackWithAMessageAndTheInputKept() throws Exception {
		toCredentials();
		for (int i = 0; i < 20; i++) {
			this.photos.store(TestImages.png(), this.reader.getReaderId());
		}
		this.journeys.submitCredentials(this.reader, this.zone, this.article.getId(), "郑医生", TestImages.png())
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("您今天上传的照片已达上限")))
			.andExpect(content().string(containsString("value=\"郑医生\"")));
		assertThat(this.photos.documentsOf(this.reader.getReaderId())).hasSize(20);
		assertThat(this.submissions.findByReaderIdOrderBySubmittedAtDesc(this.reader.getReaderId())).isEmpty();
	}

	@Test
	void aPdfIsKeptOnlyAsTheImageOfItsFirstPageNeverAsSent() throws Exception {
		toCredentials();
		this.journeys.submitCredentials(this.reader, this.zone, null, "卫医生", TestPdfs.hostile())
			.andExpect(status().is3xxRedirection());
		CredentialSubmission submitted = this.submissions
			.findByReaderIdOrderBySubmittedAtDesc(this.reader.getReaderId())
			.get(0);
		assertThat(submitted.getPhotoContentType()).isEqualTo("image/png");
		try (InputStream in = this.photos.open(submitted.getPhotoFile(), this.reader.getReaderId())) {
			byte[] kept = in.readAllBytes();
			assertThat(ImageIO.read(new ByteArrayInputStream(kept))).isNotNull();
			assertThat(new String(kept, StandardCharsets.ISO_8859_1)).doesNotContain(TestPdfs.SCRIPT)
				.doesNotContain("%PDF");
		}
	}

	private void toCredentials() throws Exception {
		this.journeys.agree(this.reader, this.zone, this.article.getId());
		this.journeys.awaitStep(this.reader, this.zone, "submit-credentials");
	}

	/** A real JPEG with an APP1 (Exif) segment right after the start-of-image marker. */
	private static byte[] jpegWithExif(String secret) throws Exception {
		byte[] jpeg = TestImages.jpeg();
		byte[] payload = ("Exif\0\0" + secret).getBytes(StandardCharsets.ISO_8859_1);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, 2);
		out.write(0xFF);
		out.write(0xE1);
		int length = payload.length + 2;
		out.write(length >> 8);
		out.write(length & 0xFF);
		out.write(payload);
		out.write(Arrays.copyOfRange(jpeg, 2, jpeg.length));
		return out.toByteArray();
	}

}
