package org.hcpgate.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.hamcrest.Matchers;
import org.hcpgate.consent.Consent;
import org.hcpgate.consent.ConsentRepository;
import org.hcpgate.readers.Reader;
import org.hcpgate.support.JourneyDriver;
import org.hcpgate.support.PostgresIntegrationTest;
import org.hcpgate.support.Readers;
import org.hcpgate.support.Reviewer;
import org.hcpgate.verification.HcpVerification;
import org.hcpgate.verification.HcpVerificationService;
import org.hcpgate.verification.ZoneAccessService;
import org.hcpgate.zones.Zone;
import org.hcpgate.zones.ZoneRepository;
import org.hcpgate.zones.ZoneService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Zone access over time, on PostgreSQL: withdrawal, revocation, expiry, two zones sharing
 * one verification, final rejection. Each test makes zones of its own (agreement only, no
 * informed consent, no questions) so the journeys stay short.
 */
class ZoneAccessPostgresTest extends PostgresIntegrationTest {

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
	ZoneRepository zones;

	@Autowired
	ZoneService zoneService;

	@Autowired
	TaskService taskService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ZoneAccessService zoneAccess;

	@Autowired
	HcpVerificationService verifications;

	@Autowired
	JourneyEngine verification;

	@Autowired
	ConsentRepository consents;

	@Autowired
	JdbcTemplate jdbc;

	Reader reader;

	@BeforeEach
	void newReader() {
		this.reader = this.readers.newReader();
	}

	@Test
	void withdrawingTheAgreementClosesTheZoneAtOnceAndIsRecorded() throws Exception {
		String zone = newZone();
		this.verifications.markVerified(this.reader.getReaderId());
		agree(zone);
		awaitGranted(zone);

		this.mvc.perform(get("/account").with(user(this.reader)))
			.andExpect(content().string(Matchers.containsString("/account/consents/withdraw?zone=" + zone)));
		this.mvc.perform(post("/account/consents/withdraw").param("zone", zone).with(user(this.reader)).with(csrf()))
			.andExpect(status().is3xxRedirection());

		assertThat(this.zoneAccess.isGranted(this.reader.getReaderId(), zone)).isFalse();
		assertThat(this.consents.findByReaderIdOrderByDecidedAtDescIdDesc(this.reader.getReaderId()))
			.extracting(Consent::getChoice)
			.containsExactly(Consent.Choice.WITHDRAWN, Consent.Choice.AGREED);
		// the next visit asks for the agreement again
		start(zone);
		journey(zone).andExpect(content().string(Matchers.containsString("同意")));
		assertThat(step(zone)).isEqualTo(new JourneyStep(JourneyStep.Kind.READER_STEP, "accept-agreement"));
	}

	@Test
	void aNewAgreementVersionClosesTheZoneUntilTheReaderAcceptsIt() throws Exception {
		String zone = newZone();
		this.verifications.markVerified(this.reader.getReaderId());
		agree(zone);
		awaitGranted(zone);

		this.zoneService.publishAgreement(zone, "测试协议(第二版)", "新的协议正文", "test-editor");
		assertThat(this.zoneAccess.isGranted(this.reader.getReaderId(), zone)).isFalse();
		start(zone);
		journey(zone).andExpect(content().string(Matchers.containsString("测试协议(第二版)")));
		agree(zone);
		awaitGranted(zone);
		assertThat(this.consents.findByReaderIdOrderByDecidedAtDescIdDesc(this.reader.getReaderId()))
			.extracting(Consent::getDocumentVersion)
			.containsExactly(2, 1);
	}

	@Test
	void twoZonesAgreedAtTheSameMomentStartOneVerification() throws Exception {
		String first = newZone();
		String second = newZone();
		start(first);
		start(second);
		Thread[] agreements = { new Thread(() -> agree(first)), new Thread(() -> agree(second)) };
		for (Thread agreement : agreements) {
			agreement.start();
		}
		for (Thread agreement : agreements) {
			agreement.join();
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> step(first).step(), "submit-credentials"::equals);
		assertThat(step(second).step()).isEqualTo("submit-credentials");
		assertThat(this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey("hcp-verification")
			.processInstanceBusinessKey(this.reader.getReaderId())
			.count()).isEqualTo(1);
	}

	@Test
	void aRevokedVerificationClosesEveryZoneAtOnce() {
		String first = newZone();
		String second = newZone();
		this.verifications.markVerified(this.reader.getReaderId());
		agree(first);
		agree(second);
		awaitGranted(first);
		awaitGranted(second);

		ResponseEntity<String> revoked = this.rest.withBasicAuth("demo-admin", "demo-admin")
			.postForEntity("/engine-rest/message",
					json("{\"messageName\":\"verification-revoked\",\"businessKey\":\"" + this.reader.getReaderId()
							+ "\",\"processVariables\":{\"revocationReason\":{\"value\":\"licence withdrawn\"}}}"),
					String.class);
		assertThat(revoked.getStatusCode().is2xxSuccessful()).as(revoked.getBody()).isTrue();

		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.verifications.find(this.reader.getReaderId())
				.map(v -> v.getStatus() == HcpVerification.Status.REVOKED)
				.orElse(false));
		assertThat(this.zoneAccess.isGranted(this.reader.getReaderId(), first)).isFalse();
		assertThat(this.zoneAccess.isGranted(this.reader.getReaderId(), second)).isFalse();
	}

	@Test
	void anExpiredVerificationMakesTheNextVisitVerifyAgainWithTheFormPrefilled() throws Exception {
		String zone = newZone();
		agree(zone);
		submitCredentials(zone, "周医生");
		decide(reviewTask(), "approved");
		awaitGranted(zone);

		this.jdbc.update("update hcp_verification set valid_until = ? where reader_id = ?",
				java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)), this.reader.getReaderId());
		assertThat(this.zoneAccess.isGranted(this.reader.getReaderId(), zone)).isFalse();
		this.mvc.perform(get("/articles/1").with(user(this.reader)))
			.andExpect(content().string(Matchers.not(Matchers.containsString("会议现场"))));

		start(zone);
		agree(zone);
		await().atMost(Duration.ofSeconds(10)).until(() -> step(zone).step(), "submit-credentials"::equals);
		journey(zone).andExpect(content().string(Matchers.containsString("value=\"周医生\"")))
			.andExpect(content().string(Matchers.containsString("value=\"北京协和医院\"")));
	}

	@Test
	void twoZonesOfAnUnverifiedReaderShareOneVerification() throws Exception {
		String first = newZone();
		String second = newZone();
		agree(first);
		await().atMost(Duration.ofSeconds(10)).until(() -> step(first).step(), "submit-credentials"::equals);
		agree(second);

		assertThat(this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey("hcp-verification")
			.processInstanceBusinessKey(this.reader.getReaderId())
			.count()).isEqualTo(1);
		assertThat(this.runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(this.reader.getReaderId() + ":" + second)
			.activityIdIn("await-verification")
			.count()).isEqualTo(1);
		// the reader can submit from either zone: it is the same verification
		assertThat(step(second).step()).isEqualTo("submit-credentials");

		submitCredentials(second, "钱医生");
		decide(reviewTask(), "approved");
		awaitGranted(first);
		awaitGranted(second);
	}

	@Test
	void aFinalRejectionEndsTheJourneyWithReasonsAndTheWayToSupport() throws Exception {
		String zone = newZone();
		agree(zone);
		submitCredentials(zone, "孙医生");
		ResponseEntity<String> answer = decideOverRest(reviewTask().getId(),
				"{\"variables\":{\"decision\":{\"value\":\"rejected-final\"},\"reviewNote\":{\"value\":\"非医疗机构人员\"},"
						+ "\"rejectionReasons\":{\"value\":\"[\\\"not-hcp\\\"]\",\"type\":\"Json\"}}}");
		assertThat(answer.getStatusCode().is2xxSuccessful()).isTrue();
		// four-eyes: the reader still waits until a lead confirms the final rejection
		this.reviewer.reviewTask(this.reader.getReaderId(), "confirm-final-rejection");
		assertThat(step(zone).kind()).isEqualTo(JourneyStep.Kind.IN_REVIEW);
		this.reviewer.confirmFinalRejection(this.reader);

		await().atMost(Duration.ofSeconds(20))
			.until(() -> step(zone), s -> s.equals(new JourneyStep(JourneyStep.Kind.ENDED, "verification-failed")));
		journey(zone).andExpect(content().string(Matchers.containsString("身份认证未通过")))
			.andExpect(content().string(Matchers.containsString("非医疗卫生专业人士")))
			.andExpect(content().string(Matchers.containsString("非医疗机构人员")))
			.andExpect(content().string(Matchers.containsString("联系客服")));
		assertThat(this.verifications.find(this.reader.getReaderId()).orElseThrow().getStatus())
			.isEqualTo(HcpVerification.Status.REJECTED_FINAL);
	}

	private String newZone() {
		String key = "z" + UUID.randomUUID().toString().substring(0, 8);
		this.zones.save(new Zone(key, "测试专区 " + key, "测试协议", "协议正文", 1));
		return key;
	}

	private void agree(String zone) {
		try {
			this.journeys.agree(this.reader, zone, null);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void submitCredentials(String zone, String realName) throws Exception {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> step(zone).step(), s -> s != null && s.endsWith("credentials"));
		this.journeys.submitCredentials(this.reader, zone, null, realName, PNG).andExpect(status().is3xxRedirection());
	}

	/** The teaser's button: a POST starts the journey. */
	private void start(String zone) throws Exception {
		this.journeys.start(this.reader, zone, null);
	}

	private ResultActions journey(String zone) throws Exception {
		return this.journeys.journey(this.reader, zone, null);
	}

	private JourneyStep step(String zone) {
		return this.verification.currentStep(this.reader.getReaderId(), zone);
	}

	private void awaitGranted(String zone) {
		await().atMost(Duration.ofSeconds(20)).until(() -> this.zoneAccess.isGranted(this.reader.getReaderId(), zone));
	}

	private Task reviewTask() {
		return this.reviewer.reviewTask(this.reader);
	}

	private void decide(Task task, String decision) {
		this.reviewer.decide(task, "{\"decision\":{\"value\":\"" + decision + "\"}}");
	}

	private ResponseEntity<String> decideOverRest(String taskId, String body) {
		return this.reviewer.complete(Reviewer.REVIEWER, taskId, body);
	}

	private static HttpEntity<String> json(String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(body, headers);
	}

}
