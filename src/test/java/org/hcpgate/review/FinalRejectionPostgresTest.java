package org.hcpgate.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import java.time.Duration;

import org.camunda.bpm.engine.HistoryService;
import org.hamcrest.Matchers;
import org.hcpgate.journey.JourneyService;
import org.hcpgate.journey.JourneyStep;
import org.hcpgate.support.JourneyDriver;
import org.hcpgate.support.JourneyDriver.Submitted;
import org.hcpgate.support.PostgresIntegrationTest;
import org.hcpgate.support.Reviewer;
import org.hcpgate.verification.HcpVerification;
import org.hcpgate.verification.HcpVerificationService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A final rejection is final (issue 10): no zone starts a new verification, the read
 * model keeps the status, and only a review lead's reopening, audited, lets the reader
 * verify again.
 */
class FinalRejectionPostgresTest extends PostgresIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JourneyDriver journeys;

	@Autowired
	Reviewer reviewer;

	@Autowired
	JourneyService journey;

	@Autowired
	HcpVerificationService verifications;

	@Autowired
	HistoryService history;

	@Autowired
	ReviewDecisionRepository audited;

	@Test
	void aFinallyRejectedReaderStartsNoNewVerificationInAnyZoneUntilALeadReopens() throws Exception {
		Submitted submitted = this.journeys.newSubmission("陈医生");
		String readerId = submitted.readerId();
		this.reviewer.decide(submitted.review(), "{\"decision\":{\"value\":\"rejected-final\"},"
				+ "\"rejectionReasons\":{\"value\":\"[\\\"not-hcp\\\"]\",\"type\":\"Json\"}}");
		this.reviewer.confirmFinalRejection(submitted.reader());
		await().atMost(Reviewer.WAIT).until(() -> status(readerId) == HcpVerification.Status.REJECTED_FINAL);

		// another zone, and the same zone again: each journey ends at verification-failed
		String other = this.journeys.newZone();
		this.journeys.agree(submitted.reader(), other, null);
		awaitEnded(readerId, other);
		this.journeys.agree(submitted.reader(), submitted.zone(), null);
		awaitEnded(readerId, submitted.zone());
		this.journeys.journey(submitted.reader(), other, null)
			.andExpect(content().string(Matchers.containsString("身份认证未通过")));
		assertThat(verificationsOf(readerId)).as("no new hcp-verification").isEqualTo(1);
		assertThat(status(readerId)).isEqualTo(HcpVerification.Status.REJECTED_FINAL);

		// a reviewer cannot lift it; a lead can, and it is audited
		ResponseEntity<String> byReviewer = reopen(Reviewer.REVIEWER, readerId);
		assertThat(byReviewer.getStatusCode().is4xxClientError()).as(byReviewer.getBody()).isTrue();
		assertThat(status(readerId)).isEqualTo(HcpVerification.Status.REJECTED_FINAL);
		ResponseEntity<String> byLead = reopen(Reviewer.LEAD, readerId);
		assertThat(byLead.getStatusCode().is2xxSuccessful()).as(byLead.getBody()).isTrue();
		assertThat(status(readerId)).isEqualTo(HcpVerification.Status.REOPENED);
		assertThat(this.audited.findAll())
			.filteredOn(
					decision -> readerId.equals(decision.getReaderId()) && "reopened".equals(decision.getDecision()))
			.singleElement()
			.satisfies(decision -> assertThat(decision.getDecidedBy()).isEqualTo(Reviewer.LEAD));
		this.mvc.perform(get("/account").with(user(submitted.reader())))
			.andExpect(content().string(Matchers.containsString("审核组长已允许您重新认证")));

		// the next journey verifies again
		String third = this.journeys.newZone();
		this.journeys.agree(submitted.reader(), third, null);
		this.journeys.awaitStep(submitted.reader(), third, "submit-credentials");
		assertThat(verificationsOf(readerId)).isEqualTo(2);
	}

	private ResponseEntity<String> reopen(String staff, String readerId) {
		return this.reviewer.call(staff, HttpMethod.POST, "/engine-rest/message",
				"{\"messageName\":\"verification-reopened\",\"businessKey\":\"" + readerId + "\"}");
	}

	private void awaitEnded(String readerId, String zone) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.journey.currentStep(readerId, zone),
					step -> step.equals(new JourneyStep(JourneyStep.Kind.ENDED, "verification-failed")));
	}

	private long verificationsOf(String readerId) {
		return this.history.createHistoricProcessInstanceQuery()
			.processDefinitionKey("hcp-verification")
			.processInstanceBusinessKey(readerId)
			.count();
	}

	private HcpVerification.Status status(String readerId) {
		return this.verifications.find(readerId).map(HcpVerification::getStatus).orElse(null);
	}

}
