package org.hcpgate.professions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.task.Task;
import org.hcpgate.articles.Article;
import org.hcpgate.readers.Reader;
import org.hcpgate.support.CountedTransactions;
import org.hcpgate.support.JourneyDriver;
import org.hcpgate.support.JourneyDriver.Credentials;
import org.hcpgate.support.PostgresIntegrationTest;
import org.hcpgate.support.Readers;
import org.hcpgate.support.Reviewer;
import org.hcpgate.support.StaffSessions;
import org.hcpgate.verification.HcpVerificationService;
import org.hcpgate.verification.ZoneAccessService;
import org.hcpgate.zones.ZoneService;
import org.hcpgate.zones.ZoneEdit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Professions on the running application and PostgreSQL: the credential form checks the
 * title against the profession, the department against the list and the licence number
 * against the profession's pattern; a verification holds for its profession; a zone that
 * admits only some professions keeps a verified reader of another out with a polite page,
 * starts no journey and records nothing, while its let-in readers still pass the gate's
 * one query.
 */
class ProfessionsPostgresTest extends PostgresIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JourneyDriver journeys;

	@Autowired
	Reviewer reviewer;

	@Autowired
	Readers readers;

	@Autowired
	ZoneService zones;

	@Autowired
	ZoneAccessService zoneAccess;

	@Autowired
	HcpVerificationService verifications;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	org.camunda.bpm.engine.TaskService taskService;

	@Test
	void theCredentialFormChecksTitleDepartmentAndLicenceAgainstTheProfession() throws Exception {
		Reader reader = this.readers.newReader();
		this.journeys.agreeAndConsent(reader);
		String page = sendCredentials(reader, "nurse", "主治医师", "other", "", "ABC12345").andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("请选择护士的职称")
			.contains("此项为必填项")
			.contains("证书编号与护士的格式不符:护士执业证书编号:12 位数字")
			.contains("value=\"李护士\"")
			.containsPattern("<option value=\"nurse\" selected=\"selected\">护士</option>");
		assertThat(this.jdbc.queryForObject("select count(*) from credential_submission where reader_id = ?",
				Long.class, reader.getReaderId()))
			.isZero();

		// a profession that is not in the catalogue, a department that is not in the list
		String forged = sendCredentials(reader, "astronaut", "护师", "火星科", "", "110108199011").andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(forged).contains("请从列表中选择执业类别").contains("请从列表中选择科室");

		// right: a nurse's title, a department typed under "other", a nurse's number
		sendCredentials(reader, "nurse", "主管护师", "other", "静脉治疗中心", "110108199011")
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForMap(
				"select profession, department, professional_title from credential_submission where reader_id = ?",
				reader.getReaderId()))
			.containsEntry("profession", "nurse")
			.containsEntry("department", "静脉治疗中心")
			.containsEntry("professional_title", "主管护师");
	}

	/** 完善信息 of the demo zone as 李护士 sends it, with this profession, title and so on. */
	private org.springframework.test.web.servlet.ResultActions sendCredentials(Reader reader, String profession,
			String title, String department, String departmentOther, String licenceNumber) throws Exception {
		return this.mvc.perform(multipart("/journey/" + JourneyDriver.ZONE + "/credentials")
			.file(new MockMultipartFile("photo", "licence.png", "image/png", JourneyDriver.PNG))
			.param("realName", "李护士")
			.param("hospital", "北京协和医院")
			.param("profession", profession)
			.param("professionalTitle", title)
			.param("department", department)
			.param("departmentOther", departmentOther)
			.param("licenceNumber", licenceNumber)
			.param("article", String.valueOf(JourneyDriver.ARTICLE))
			.with(user(reader))
			.with(csrf()));
	}

	@Test
	void aVerifiedNurseIsPolitelyKeptOutOfAZoneForPhysiciansAndNothingIsRecorded() throws Exception {
		Reader nurse = this.readers.newReader();
		Task review = this.journeys.toReview(nurse, new Credentials("张护士", "北京协和医院", "重症医学科", "护师", "110108199012"),
				JourneyDriver.PNG);

		// the reviewer sees the profession on the submission's card
		HttpHeaders staff = StaffSessions.signIn(this.rest, Reviewer.REVIEWER, Reviewer.REVIEWER);
		long submissionId = this.jdbc.queryForObject(
				"select id from credential_submission where reader_id = ? order by id desc limit 1", Long.class,
				nurse.getReaderId());
		ResponseEntity<String> card = this.rest.exchange("/staff/submissions/" + submissionId + "/card.svg",
				HttpMethod.GET, new HttpEntity<>(staff), String.class);
		assertThat(card.getBody()).contains("执业类别").contains("护士");

		this.reviewer.decide(review, "{\"decision\":{\"value\":\"approved\"}}");
		await().atMost(Duration.ofSeconds(20)).until(() -> this.verifications.isVerified(nurse.getReaderId()));
		assertThat(this.verifications.find(nurse.getReaderId()).orElseThrow().getProfession()).isEqualTo("nurse");

		String zone = "physicians-" + UUID.randomUUID().toString().substring(0, 8);
		this.zones.create(zone, new ZoneEdit("医师专区", null, 0, true, "本内容仅供医师阅读", "", null, false), "协议", "正文",
				"test-editor");
		this.zones.admit(zone, Set.of("physician"));
		Article article = this.journeys.newArticle(zone, true, "医师专区摘要", "医师专区正文");

		String page = this.mvc.perform(get("/articles/" + article.getId()).with(user(nurse)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("本专区仅面向以下执业类别的已认证医疗卫生专业人士:医师")
			.contains("您的认证执业类别是护士")
			.contains("本内容仅供医师阅读")
			.doesNotContain("医师专区正文")
			.doesNotContain("id=\"enter-zone\"");

		// the teaser's button, sent anyway: no journey, no consent, back to the article
		this.mvc
			.perform(post("/journey/" + zone + "/start").param("article", article.getId().toString())
				.with(user(nurse))
				.with(csrf()))
			.andExpect(redirectedUrl("/articles/" + article.getId()));
		assertThat(this.jdbc.queryForObject("select count(*) from act_hi_procinst where business_key_ = ?", Long.class,
				nurse.getReaderId() + ":" + zone))
			.isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from consent where reader_id = ? and zone_key = ?",
				Long.class, nurse.getReaderId(), zone))
			.isZero();

		// even with a grant in the read model the gate says no, until the zone admits
		// nurses
		this.zoneAccess.grant(nurse.getReaderId(), zone, 1);
		assertThat(this.zoneAccess.isGranted(nurse.getReaderId(), zone)).isFalse();
		this.zones.admit(zone, Set.of("physician", "nurse"));
		assertThat(this.zoneAccess.isGranted(nurse.getReaderId(), zone)).isTrue();
		// the professions are part of the gate's one query
		CountedTransactions.Counts gate = CountedTransactions
			.during(() -> this.zoneAccess.isGranted(nurse.getReaderId(), zone));
		assertThat(gate.statements()).as("statements of the gate").isEqualTo(1);
		this.mvc.perform(get("/articles/" + article.getId()).with(user(nurse)))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("医师专区正文")));
	}

	@Test
	void aReviewerCorrectsProfessionAndTitleWithTheApprovalAndTheReaderSeesIt() throws Exception {
		Reader reader = this.readers.newReader();
		Task review = this.journeys.toReview(reader, new Credentials("林医生", "北京协和医院", "重症医学科", "主治医师", "110108199021"),
				JourneyDriver.PNG);
		assertThat(String.valueOf(this.taskService.getVariableLocal(review.getId(), "titleCorrectionOptions")))
			.contains("nurse/主管护师")
			.contains("护士 · 主管护师");

		// a correction outside the catalogue is refused; the task stays open
		ResponseEntity<String> refused = this.reviewer.complete(Reviewer.REVIEWER, review.getId(),
				"{\"variables\":{\"decision\":{\"value\":\"approved\"},"
						+ "\"correctedTitle\":{\"value\":\"astronaut/captain\"}}}");
		assertThat(refused.getStatusCode().is2xxSuccessful()).isFalse();
		assertThat(refused.getBody()).contains("correction-unknown");

		this.reviewer.decide(review,
				"{\"decision\":{\"value\":\"approved\"},\"correctedTitle\":{\"value\":\"nurse/主管护师\"}}");
		await().atMost(Duration.ofSeconds(20)).until(() -> this.verifications.isVerified(reader.getReaderId()));
		assertThat(this.verifications.find(reader.getReaderId()).orElseThrow().getProfession()).isEqualTo("nurse");
		assertThat(this.jdbc
			.queryForMap("select profession, professional_title, corrected_profession, corrected_title, corrected_by"
					+ " from credential_submission where reader_id = ?", reader.getReaderId()))
			.containsEntry("profession", "physician")
			.containsEntry("professional_title", "主治医师")
			.containsEntry("corrected_profession", "nurse")
			.containsEntry("corrected_title", "主管护师")
			.containsEntry("corrected_by", Reviewer.REVIEWER);
		this.mvc.perform(get("/account").with(user(reader)))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("审核员将您的执业类别与职称更正为:护士 · 主管护师")));
	}

}
