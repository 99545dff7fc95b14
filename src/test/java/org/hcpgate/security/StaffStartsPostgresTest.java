package org.hcpgate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.hcpgate.review.ReviewDecisionRepository;
import org.hcpgate.support.JourneyDriver;
import org.hcpgate.support.JourneyDriver.Submitted;
import org.hcpgate.support.PostgresIntegrationTest;
import org.hcpgate.support.Reviewer;
import org.hcpgate.support.StaffSessions;
import org.hcpgate.verification.HcpVerification;
import org.hcpgate.verification.HcpVerificationService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A process that staff start takes from them only what the contract names (security,
 * round three): a revocation names its reader by the business key, and every revocation
 * is audited.
 */
class StaffStartsPostgresTest extends PostgresIntegrationTest {

	static final String REVOCATION = "/engine-rest/process-definition/key/verification-revocation";

	@Autowired
	JourneyDriver journeys;

	@Autowired
	Reviewer reviewer;

	@Autowired
	HcpVerificationService verifications;

	@Autowired
	HistoryService history;

	@Autowired
	ReviewDecisionRepository audited;

	@Autowired
	TestRestTemplate rest;

	@Test
	void aLeadCannotAimARevocationAtAnotherReaderAndEveryRevocationIsAudited() throws Exception {
		Submitted named = this.journeys.newSubmission("何医生");
		Submitted aimedAt = this.journeys.newSubmission("罗医生");
		this.reviewer.decide(aimedAt.review(), "{\"decision\":{\"value\":\"approved\"}}");
		await().atMost(Reviewer.WAIT).until(() -> status(aimedAt.readerId()) == HcpVerification.Status.VERIFIED);
		String aimed = "\"variables\":{\"readerId\":{\"value\":\"" + aimedAt.readerId() + "\"}}";

		assertRefused(this.reviewer.call(Reviewer.LEAD, HttpMethod.POST, REVOCATION + "/start",
				"{\"businessKey\":\"" + named.readerId() + "\"," + aimed + "}"));
		assertRefused(this.reviewer.call(Reviewer.LEAD, HttpMethod.POST, REVOCATION + "/submit-form",
				"{\"businessKey\":\"" + named.readerId() + "\"," + aimed + "}"));
		assertRefused(this.reviewer.call(Reviewer.LEAD, HttpMethod.POST,
				"/engine-rest/process-definition/key/verification-reopening/start", "{\"businessKey\":\""
						+ named.readerId() + "\",\"variables\":{\"reopenedBy\":{\"value\":\"nobody\"}}}"));
		assertThat(this.history.createHistoricProcessInstanceQuery()
			.processDefinitionKey("verification-revocation")
			.processInstanceBusinessKey(named.readerId())
			.count()).as("nothing started").isZero();
		assertThat(status(aimedAt.readerId())).isEqualTo(HcpVerification.Status.VERIFIED);

		// the reader named by the business key, with the reason the contract allows
		ResponseEntity<String> honest = this.reviewer.call(Reviewer.LEAD, HttpMethod.POST, REVOCATION + "/start",
				"{\"businessKey\":\"" + aimedAt.readerId()
						+ "\",\"variables\":{\"revocationReason\":{\"value\":\"执业证书已注销\"}}}");
		assertThat(honest.getStatusCode().is2xxSuccessful()).as(honest.getBody()).isTrue();
		await().atMost(Reviewer.WAIT).until(() -> status(aimedAt.readerId()) == HcpVerification.Status.REVOKED);
		assertThat(this.audited.findAll())
			.filteredOn(decision -> aimedAt.readerId().equals(decision.getReaderId())
					&& "revoked".equals(decision.getDecision()))
			.singleElement()
			.satisfies(decision -> {
				assertThat(decision.getDecidedBy()).isEqualTo(Reviewer.LEAD);
				assertThat(decision.getTaskKey()).isEqualTo("revoke-verification");
				assertThat(decision.getInternalNote()).isEqualTo("执业证书已注销");
			});
		String revocation = new ObjectMapper().readTree(honest.getBody()).path("id").asText();
		HttpHeaders lead = StaffSessions.signIn(this.rest, Reviewer.LEAD, Reviewer.LEAD);
		assertThat(
				this.rest.exchange("/staff/decisions", HttpMethod.GET, new HttpEntity<>(lead), String.class).getBody())
			.contains("data-task-id=\"" + revocation + "\"", "撤销认证");
	}

	@Test
	void aSignalOrAModificationCarriesNoVariableOfStaff() {
		Submitted submitted = this.journeys.newSubmission("朱医生");
		String aimed = "{\"readerId\":{\"value\":\"1\"}}";
		assertRefused(this.reviewer.call(Reviewer.LEAD, HttpMethod.POST, "/engine-rest/signal",
				"{\"name\":\"anything\",\"variables\":" + aimed + "}"));
		assertRefused(this.reviewer.call(Reviewer.LEAD, HttpMethod.POST,
				"/engine-rest/process-instance/" + submitted.review().getProcessInstanceId() + "/modification",
				"{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"review-credentials\","
						+ "\"variables\":" + aimed + "}]}"));
	}

	private HcpVerification.Status status(String readerId) {
		return this.verifications.find(readerId).map(HcpVerification::getStatus).orElse(null);
	}

	private static void assertRefused(ResponseEntity<String> answer) {
		assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(answer.getBody()).contains("[" + StaffChanges.NO_PROCESS_VARIABLES + "]");
	}

}
