package org.hcpgate.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.hcpgate.processes.StaffGroups;
import org.hcpgate.staff.StaffView.Subject;
import org.hcpgate.support.JourneyDriver;
import org.hcpgate.support.JourneyDriver.Submitted;
import org.hcpgate.support.PostgresIntegrationTest;
import org.hcpgate.support.Reviewer;
import org.hcpgate.support.StaffSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Staff see what they need to know, and it is logged (issue 10): no paging through every
 * reader's photo by sequential id.
 */
class StaffViewLogPostgresTest extends PostgresIntegrationTest {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JourneyDriver journeys;

	@Autowired
	Reviewer reviewer;

	@Autowired
	IdentityService identityService;

	@Autowired
	StaffViewRepository log;

	@Test
	void aReviewerSeesAReadersDataOnlyWhileATaskOnItIsOpenToThemOrAfterDecidingIt() {
		Submitted open = this.journeys.newSubmission("林医生");
		Submitted decidedByOther = this.journeys.newSubmission("高医生");
		this.reviewer.decide(decidedByOther.review(), "{\"decision\":{\"value\":\"approved\"}}");
		String colleague = this.reviewer.newStaffMember("nk-", StaffGroups.REVIEWERS);
		HttpHeaders staff = StaffSessions.signIn(this.rest, colleague, Reviewer.STAFF_PASSWORD);

		// an open review of the reviewers' group: page, card and photo, each logged
		String submission = "/staff/submissions/" + open.submission().getId();
		assertThat(get(submission, staff)).isEqualTo(HttpStatus.OK);
		assertThat(get(submission + "/card.svg", staff)).isEqualTo(HttpStatus.OK);
		assertThat(get(submission + "/photo", staff)).isEqualTo(HttpStatus.OK);
		assertThat(this.log.findByReaderIdOrderByAccessedAtAsc(open.readerId()))
			.extracting(StaffView::getStaffUser, StaffView::getSubject)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(colleague, Subject.SUBMISSION),
					org.assertj.core.groups.Tuple.tuple(colleague, Subject.SUBMISSION_CARD),
					org.assertj.core.groups.Tuple.tuple(colleague, Subject.LICENCE_PHOTO));

		// another reader's submission, decided by someone else, no task open: refused,
		// not logged
		String other = "/staff/submissions/" + decidedByOther.submission().getId();
		assertThat(get(other, staff)).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(get(other + "/photo", staff)).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.log.findByReaderIdOrderByAccessedAtAsc(decidedByOther.readerId()))
			.noneMatch(entry -> colleague.equals(entry.getStaffUser()));

		// the reviewer who decided it still may (30 days); a lead always; leads read the
		// log
		HttpHeaders decider = StaffSessions.signIn(this.rest, Reviewer.REVIEWER, Reviewer.REVIEWER);
		assertThat(get(other, decider)).isEqualTo(HttpStatus.OK);
		HttpHeaders lead = StaffSessions.signIn(this.rest, Reviewer.LEAD, Reviewer.LEAD);
		assertThat(get(other + "/photo", lead)).isEqualTo(HttpStatus.OK);
		ResponseEntity<String> accessLog = this.rest.exchange("/staff/decisions/access", HttpMethod.GET,
				new HttpEntity<>(lead), String.class);
		assertThat(accessLog.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(accessLog.getBody()).contains(colleague).contains("执业证照片");
		assertThat(get("/staff/decisions/access", staff)).as("reviewers do not read the log")
			.isEqualTo(HttpStatus.FORBIDDEN);

		// removed from the group: the next request no longer sees the open review
		this.identityService.deleteMembership(colleague, StaffGroups.REVIEWERS);
		assertThat(get(submission, staff)).isEqualTo(HttpStatus.FORBIDDEN);
	}

	private HttpStatus get(String path, HttpHeaders staff) {
		return HttpStatus.valueOf(this.rest.exchange(path, HttpMethod.GET, new HttpEntity<>(staff), String.class)
			.getStatusCode()
			.value());
	}

}
