package org.hcpgate.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.hcpgate.articles.Article;
import org.hcpgate.articles.ArticleRepository;
import org.hcpgate.journey.JourneyEngine;
import org.hcpgate.notifications.Notification.Kind;
import org.hcpgate.readers.Reader;
import org.hcpgate.support.JourneyDriver;
import org.hcpgate.support.PostgresIntegrationTest;
import org.hcpgate.support.Readers;
import org.hcpgate.support.Reviewer;
import org.hcpgate.support.TestImages;
import org.hcpgate.support.TestMail;
import org.hcpgate.verification.HcpVerificationService;
import org.hcpgate.zones.ZoneQuestion;
import org.hcpgate.zones.ZoneRepository;
import org.hcpgate.zones.ZoneService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.web.servlet.MockMvc;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/**
 * The reader hears of every decision on the site and by e-mail (a real SMTP server in
 * this JVM), once, after the decision committed, in their language, with the way back to
 * the article they asked for.
 */
class NotificationsPostgresTest extends PostgresIntegrationTest {

	@Autowired
	JourneyDriver journeys;

	@Autowired
	Reviewer reviewer;

	@Autowired
	MockMvc mvc;

	@Autowired
	Readers readers;

	@Autowired
	ZoneRepository zones;

	@Autowired
	ArticleRepository articles;

	@Autowired
	JourneyEngine verification;

	@Autowired
	TaskService taskService;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	NotificationService notifications;

	@Autowired
	NotificationRepository notificationRepository;

	@Autowired
	HcpVerificationService verifications;

	@Autowired
	ZoneService zoneService;

	Reader reader;

	@BeforeEach
	void setUp() {
		this.reader = this.readers.newReader();
	}

	@Test
	void rejectionThenApprovalAreToldOnTheSiteAndByMailWithTheWayBackToTheArticle() throws Exception {
		String zone = this.journeys.newZone();
		Article article = this.journeys.newArticle(zone, true, "teaser", "<p>body</p>");
		this.journeys.agree(this.reader, zone, article.getId());
		this.journeys.awaitStep(this.reader, zone, "submit-credentials");
		this.journeys.submitCredentials(this.reader, zone, article.getId(), "褚医生", TestImages.png());
		this.reviewer.decide(this.reviewer.reviewTask(this.reader),
				"{\"decision\":{\"value\":\"rejected\"},\"reviewNote\":{\"value\":\"请上传清晰照片\"},"
						+ "\"rejectionReasons\":{\"value\":\"[\\\"photo-unreadable\\\",\\\"name-mismatch\\\"]\",\"type\":\"Json\"}}");

		MimeMessage rejected = awaitMail(Kind.CREDENTIALS_REJECTED, "HCP 身份认证审核未通过");
		String text = body(rejected);
		assertThat(text).contains("照片无法辨认、姓名与证件不符")
			.contains("请上传清晰照片")
			.contains("http://localhost:8080/journey/" + zone + "?article=" + article.getId());
		this.mvc.perform(get("/account").with(user(this.reader)))
			.andExpect(content().string(containsString("id=\"unread-count\"")))
			.andExpect(content().string(containsString("HCP 身份认证审核未通过")))
			.andExpect(
					content().string(containsString("href=\"/journey/" + zone + "?article=" + article.getId() + "\"")));

		this.journeys.awaitStep(this.reader, zone, "resubmit-credentials");
		this.journeys.submitCredentials(this.reader, zone, article.getId(), "褚医生", null);
		this.reviewer.decide(this.reviewer.reviewTask(this.reader), "{\"decision\":{\"value\":\"approved\"}}");
		awaitMail(Kind.CREDENTIALS_APPROVED, "HCP 身份认证已通过");
		MimeMessage granted = awaitMail(Kind.ACCESS_GRANTED, "专区已开通");
		assertThat(body(granted)).contains("测试专区 " + zone).contains("/journey/" + zone + "?article=" + article.getId());

		assertThat(this.notifications.inbox(this.reader.getReaderId())).extracting(Notification::getKind)
			.containsExactly(Kind.ACCESS_GRANTED, Kind.CREDENTIALS_APPROVED, Kind.CREDENTIALS_REJECTED);
		assertThat(this.notifications.unread(this.reader.getReaderId())).isEqualTo(3);
		this.mvc.perform(post("/account/notifications/read").with(user(this.reader)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.notifications.unread(this.reader.getReaderId())).isZero();
		this.mvc.perform(get("/account").with(user(this.reader)))
			.andExpect(content().string(not(containsString("id=\"unread-count\""))));
	}

	@Test
	void aFinalRejectionIsToldInTheReadersLanguage() throws Exception {
		String zone = this.journeys.newZone();
		this.journeys.agree(this.reader, zone, null);
		this.journeys.awaitStep(this.reader, zone, "submit-credentials");
		this.journeys.submitCredentials(this.reader, zone, null, "Dr Chu", TestImages.png());
		// the reader uses the site in English
		this.mvc.perform(get("/account").param("lang", "en").with(user(this.reader))).andExpect(status().isOk());
		this.reviewer.decide(this.reviewer.reviewTask(this.reader),
				"{\"decision\":{\"value\":\"rejected-final\"},\"rejectionReasons\":{\"value\":\"[\\\"not-hcp\\\"]\",\"type\":\"Json\"}}");
		this.reviewer.confirmFinalRejection(this.reader);
		MimeMessage message = awaitMail(Kind.CREDENTIALS_REJECTED_FINAL, "Your HCP verification was not passed");
		assertThat(body(message)).contains("Not a healthcare professional").contains("contact support");
	}

	@Test
	void theInformationReviewIsToldWhenRejectedAndWhenApproved() throws Exception {
		String demo = "sepsis-immunotherapy";
		this.verifications.markVerified(this.reader.getReaderId());
		this.journeys.agree(this.reader, demo, 1L);
		this.journeys.awaitStep(this.reader, demo, "informed-consent");
		this.mvc.perform(post("/journey/" + demo + "/informed-consent").param("choice", "agree")
			.param("article", "1")
			.with(user(this.reader))
			.with(csrf()));
		this.journeys.awaitStep(this.reader, demo, "answer-questions");
		answer(demo);
		this.taskService.complete(informationReview().getId(),
				Map.of("decision", "rejected", "reviewNote", "请具体描述您的执业类别"));
		MimeMessage rejected = awaitMail(Kind.INFORMATION_REJECTED, "信息审核未通过");
		assertThat(body(rejected)).contains("请具体描述您的执业类别").contains("/journey/" + demo + "?article=1");

		this.journeys.awaitStep(this.reader, demo, "answer-questions");
		this.journeys.journey(this.reader, demo, 1L).andExpect(content().string(containsString("请具体描述您的执业类别")));
		answer(demo);
		this.taskService.complete(informationReview().getId(), Map.of("decision", "approved"));
		MimeMessage approved = awaitMail(Kind.INFORMATION_APPROVED, "信息审核已通过");
		assertThat(body(approved)).contains("脓毒症免疫治疗");
	}

	@Test
	void theSameNoticeTwiceTellsTheReaderOnce() throws Exception {
		Notice notice = Notice.of(this.reader.getReaderId(), Kind.ACCESS_GRANTED, "journey-42").leadingTo("z", 7L);
		this.notifications.notify(notice);
		this.notifications.notify(notice);
		assertThat(this.notifications.inbox(this.reader.getReaderId())).hasSize(1)
			.first()
			.satisfies(n -> assertThat(n.getLink()).isEqualTo("/journey/z?article=7"));
		awaitMail(Kind.ACCESS_GRANTED, "专区已开通");
		Thread.sleep(500);
		assertThat(mailTo(this.reader)).hasSize(1);
	}

	private void answer(String zone) throws Exception {
		List<ZoneQuestion> questions = this.zoneService.questions(zone);
		this.mvc.perform(post("/journey/" + zone + "/questions").param("article", "1")
			.param("answers[" + questions.get(0).getId() + "]", "医师")
			.with(user(this.reader))
			.with(csrf()));
	}

	private Task informationReview() {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> this.taskService.createTaskQuery()
				.taskDefinitionKey("review-information")
				.processInstanceBusinessKey(this.reader.getReaderId() + ":sepsis-immunotherapy")
				.singleResult(), Objects::nonNull);
	}

	/**
	 * Waits for the notification and its e-mail (sent after commit), and returns the
	 * e-mail.
	 */
	private MimeMessage awaitMail(Kind kind, String subject) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.notificationRepository
				.findByReaderIdOrderByCreatedAtDescIdDesc(this.reader.getReaderId(),
						org.springframework.data.domain.PageRequest.of(0, 20))
				.stream()
				.anyMatch(n -> n.getKind() == kind && n.getEmailedAt() != null));
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> mailTo(this.reader).stream().filter(m -> subject(m).equals(subject)).findFirst().orElse(null),
					Objects::nonNull);
	}

	private static List<MimeMessage> mailTo(Reader reader) {
		String address = reader.getUsername() + "@example.org";
		return Arrays.stream(TestMail.server().getReceivedMessages()).filter(m -> {
			try {
				return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
					.anyMatch(a -> a.toString().equals(address));
			}
			catch (jakarta.mail.MessagingException ex) {
				return false;
			}
		}).toList();
	}

	private static String body(MimeMessage message) {
		try {
			return String.valueOf(message.getContent());
		}
		catch (jakarta.mail.MessagingException | java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			return "";
		}
	}

}
