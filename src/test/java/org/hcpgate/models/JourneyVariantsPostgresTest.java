package org.hcpgate.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.hcpgate.processes.HcpVerificationProcess;
import org.hcpgate.processes.StaffGroups;
import org.hcpgate.processes.ZoneAccessProcess;
import org.hcpgate.readers.Reader;
import org.hcpgate.support.JourneyDriver;
import org.hcpgate.support.JourneyDriver.Credentials;
import org.hcpgate.support.ModelDeployments;
import org.hcpgate.support.PostgresIntegrationTest;
import org.hcpgate.support.Readers;
import org.hcpgate.support.Reviewer;
import org.hcpgate.zones.Zone;
import org.hcpgate.zones.ZoneQuestion;
import org.hcpgate.zones.ZoneQuestionRepository;
import org.hcpgate.zones.ZoneRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * The site follows the model a designer deploys, with no Java change: each variant is
 * deployed at run time over REST (as Camunda Modeler does), readers are driven through
 * the site, and the variant is removed afterwards so the other tests keep the shipped
 * models.
 */
class JourneyVariantsPostgresTest extends PostgresIntegrationTest {

	static final String REJECT = "{\"decision\":{\"value\":\"rejected\"},\"reviewNote\":{\"value\":\"请上传清晰的照片\"},"
			+ "\"rejectionReasons\":{\"value\":\"[\\\"photo-unreadable\\\"]\",\"type\":\"Json\"}}";

	@Autowired
	JourneyDriver journeys;

	@Autowired
	Readers readers;

	@Autowired
	Reviewer reviewer;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Autowired
	ManagementService management;

	@Autowired
	ZoneRepository zones;

	@Autowired
	ZoneQuestionRepository questions;

	@RegisterExtension
	ModelDeployments.Undeploy undeploy = new ModelDeployments.Undeploy();

	@Test
	void withoutTheInformedConsentAReaderGoesFromTheAgreementToTheCredentials() throws Exception {
		deploy(ModelDeployments.of()
			.variant("zone-access-no-informed-consent.bpmn")
			.shipped("processes/information-review.dmn")
			.shipped("forms/review-information.form"));
		// the zone has an informed consent: the variant does not ask for it
		String zone = "ic" + UUID.randomUUID().toString().substring(0, 8);
		this.zones.save(new Zone(zone, "知情同意专区 " + zone, "测试协议", "协议正文", 1).withInformedConsent("知情同意书", "知情同意正文", 1));
		Reader reader = this.readers.newReader();

		this.journeys.agree(reader, zone, null);

		this.journeys.awaitStep(reader, zone, HcpVerificationProcess.TASK_SUBMIT_CREDENTIALS);
		String journey = journeyId(reader, zone);
		assertThat(this.history.createHistoricActivityInstanceQuery()
			.processInstanceId(journey)
			.activityId(ZoneAccessProcess.TASK_INFORMED_CONSENT)
			.count()).isZero();
		assertThat(this.runtime.getVariables(journey)).doesNotContainKey("informedConsentGiven");
	}

	@Test
	void withTheQuestionsFirstAReaderAnswersThemBeforeTheAgreement() throws Exception {
		deploy(ModelDeployments.of().variant("zone-access-questions-first.bpmn"));
		String zone = this.journeys.newZone();
		ZoneQuestion question = this.questions.save(new ZoneQuestion(zone, 1, "您的执业类别?", true));
		Reader reader = this.readers.newReader();

		this.journeys.start(reader, zone, null);
		this.journeys.awaitStep(reader, zone, ZoneAccessProcess.TASK_ANSWER_QUESTIONS);
		this.journeys.journey(reader, zone, null).andExpect(status().isOk());
		this.journeys.answerQuestions(reader, zone, List.of(question), "临床医师");
		this.journeys.awaitStep(reader, zone, ZoneAccessProcess.TASK_ACCEPT_AGREEMENT);
		this.journeys.answer(reader, zone, "agreement", "agree", null);

		this.journeys.awaitStep(reader, zone, HcpVerificationProcess.TASK_SUBMIT_CREDENTIALS);
		assertThat(this.runtime.getVariable(journeyId(reader, zone), "answerSetId")).isNotNull();
	}

	@Test
	void aDecisionRowSendsPharmaciststoTheLeadsAndEveryoneElseToTheReviewers() throws Exception {
		deployVerification("review-group-pharmacists.dmn", "review-group.dmn", "processes/resubmission-policy.dmn");
		Reader pharmacist = this.readers.newReader();
		Reader doctor = this.readers.newReader();
		String zone = this.journeys.newZone();

		submit(pharmacist, zone, new Credentials("李药师", "北京协和医院", "药剂科", "主管药师", "YS2024001234"));
		submit(doctor, zone, Credentials.of("王医生"));

		assertThat(candidateGroups(this.reviewer.reviewTask(pharmacist))).containsExactly(StaffGroups.REVIEW_LEADS);
		assertThat(candidateGroups(this.reviewer.reviewTask(doctor))).containsExactly(StaffGroups.REVIEWERS);
	}

	@Test
	void aDecisionRowGivesOneZoneTwoAttemptsAndSevenDaysToResubmit() throws Exception {
		deployVerification("resubmission-policy-short.dmn", "resubmission-policy.dmn", "processes/review-group.dmn");
		if (this.zones.findById("oncology").isEmpty()) {
			this.zones.save(new Zone("oncology", "肿瘤专区", "测试协议", "协议正文", 1));
		}
		Reader inOncology = this.readers.newReader();
		Reader elsewhere = this.readers.newReader();
		String otherZone = this.journeys.newZone();
		submit(inOncology, "oncology", Credentials.of("赵医生"));
		submit(elsewhere, otherZone, Credentials.of("钱医生"));

		Instant rejected = Instant.now();
		this.reviewer.decide(this.reviewer.reviewTask(inOncology), REJECT);
		this.reviewer.decide(this.reviewer.reviewTask(elsewhere), REJECT);
		this.journeys.awaitStep(inOncology, "oncology", HcpVerificationProcess.TASK_RESUBMIT_CREDENTIALS);
		this.journeys.awaitStep(elsewhere, otherZone, HcpVerificationProcess.TASK_RESUBMIT_CREDENTIALS);

		assertThat(resubmissionDue(inOncology)).isBetween(rejected.plus(Duration.ofDays(7)).minusSeconds(60),
				rejected.plus(Duration.ofDays(7)).plusSeconds(300));
		assertThat(resubmissionDue(elsewhere)).isBetween(rejected.plus(Duration.ofDays(30)).minusSeconds(60),
				rejected.plus(Duration.ofDays(30)).plusSeconds(300));
		assertThat(this.runtime.getVariable(verificationId(inOncology), "maxAttempts")).isEqualTo(2);
		assertThat(this.runtime.getVariable(verificationId(elsewhere), "maxAttempts")).isEqualTo(3);
	}

	/**
	 * hcp-verification with a variant of one decision, and what it names by deployment.
	 */
	private void deployVerification(String variant, String as, String otherDecision) {
		ModelDeployments files = ModelDeployments.of()
			.shipped("processes/hcp-verification.bpmn")
			.shipped(otherDecision)
			.shipped("forms/review-credentials.form")
			.shipped("forms/confirm-final-rejection.form")
			.variant(variant);
		files.files().put(as, files.files().remove(variant));
		deploy(files);
	}

	private void deploy(ModelDeployments files) {
		ResponseEntity<String> deployed = files.deploy(this.rest, "variant", this.undeploy);
		assertThat(deployed.getStatusCode().value()).as(deployed.getBody()).isEqualTo(200);
	}

	private void submit(Reader reader, String zone, Credentials typed) throws Exception {
		this.journeys.agree(reader, zone, null);
		this.journeys.awaitStep(reader, zone, HcpVerificationProcess.TASK_SUBMIT_CREDENTIALS);
		this.journeys.submitCredentials(reader, zone, null, typed, JourneyDriver.PNG)
			.andExpect(status().is3xxRedirection());
	}

	private List<String> candidateGroups(Task task) {
		return this.tasks.getIdentityLinksForTask(task.getId())
			.stream()
			.map(IdentityLink::getGroupId)
			.filter(group -> group != null)
			.toList();
	}

	private Instant resubmissionDue(Reader reader) {
		Job timer = this.management.createJobQuery()
			.processInstanceId(verificationId(reader))
			.timers()
			.activityId("resubmission-expired")
			.singleResult();
		return timer.getDuedate().toInstant();
	}

	private String verificationId(Reader reader) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(HcpVerificationProcess.KEY)
			.processInstanceBusinessKey(reader.getReaderId())
			.singleResult()
			.getId();
	}

	private String journeyId(Reader reader, String zone) {
		return this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(ZoneAccessProcess.businessKey(reader.getReaderId(), zone))
			.singleResult()
			.getId();
	}

}
