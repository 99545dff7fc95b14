package org.hcpgate.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.hcpgate.readers.Reader;
import org.hcpgate.support.JourneyDriver;
import org.hcpgate.support.JourneyDriver.Credentials;
import org.hcpgate.support.PostgresIntegrationTest;
import org.hcpgate.support.Readers;
import org.hcpgate.support.StaffSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Licence numbers on PostgreSQL: encrypted in the row, bound to their reader, found again
 * by keyed hash when two readers give the same number, shown in clear to the reviewer
 * only.
 */
class PersonalDataAtRestPostgresTest extends PostgresIntegrationTest {

	/**
	 * A title of "other health professional", whose licence pattern takes the letters
	 * these tests' numbers have.
	 */
	static final String OTHER_TITLE = "中级";

	@Autowired
	JourneyDriver journeys;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	Readers readers;

	@Autowired
	TaskService taskService;

	@Autowired
	CredentialSubmissionRepository submissions;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theLicenceNumberIsEncryptedInTheRowAndReadsBackInClear() throws Exception {
		Reader reader = this.readers.newReader();
		this.journeys.toReview(reader, new Credentials("张医生", "协和医院", "ICU", OTHER_TITLE, "ENC123456789"),
				JourneyDriver.PNG);
		CredentialSubmission submission = this.submissions.findByReaderIdOrderBySubmittedAtDesc(reader.getReaderId())
			.get(0);
		assertThat(submission.getLicenceNumber()).isEqualTo("ENC123456789");
		Map<String, Object> row = this.jdbc.queryForMap(
				"select licence_number_enc, licence_number_hash from credential_submission where id = ?",
				submission.getId());
		assertThat(row.get("licence_number_enc")).asString().isNotBlank().doesNotContain("ENC123456789");
		assertThat(row.get("licence_number_hash")).asString().isNotBlank().doesNotContain("ENC123456789");
		assertThat(this.jdbc.queryForList(
				"select column_name from information_schema.columns where table_name = 'credential_submission'",
				String.class))
			.doesNotContain("licence_number");
	}

	@Test
	void aCiphertextCopiedToAnotherReadersRowDoesNotOpen() throws Exception {
		JourneyDriver journey = this.journeys;
		Reader one = this.readers.newReader();
		Reader two = this.readers.newReader();
		journey.toReview(one, new Credentials("甲", "医院", "科室", OTHER_TITLE, "ONE1234567"), JourneyDriver.PNG);
		journey.toReview(two, new Credentials("乙", "医院", "科室", OTHER_TITLE, "TWO1234567"), JourneyDriver.PNG);
		long first = this.submissions.findByReaderIdOrderBySubmittedAtDesc(one.getReaderId()).get(0).getId();
		long second = this.submissions.findByReaderIdOrderBySubmittedAtDesc(two.getReaderId()).get(0).getId();
		this.jdbc.update(
				"update credential_submission set licence_number_enc = "
						+ "(select licence_number_enc from credential_submission where id = ?) where id = ?",
				first, second);
		assertThatThrownBy(() -> this.submissions.findById(second))
			.hasRootCauseInstanceOf(java.security.GeneralSecurityException.class);
	}

	@Test
	void theSameLicenceNumberOnTwoReadersIsShownToTheReviewer() throws Exception {
		JourneyDriver journey = this.journeys;
		Reader first = this.readers.newReader();
		Reader second = this.readers.newReader();
		String number = "DUP" + System.nanoTime() % 1_000_000_000L;
		journey.toReview(first, new Credentials("甲", "医院", "科室", OTHER_TITLE, number), JourneyDriver.PNG);
		journey.toReview(second, new Credentials("乙", "医院", "科室", OTHER_TITLE, " " + number.toLowerCase() + " "),
				JourneyDriver.PNG);
		List<CredentialSubmission> latest = List.of(
				this.submissions.findByReaderIdOrderBySubmittedAtDesc(first.getReaderId()).get(0),
				this.submissions.findByReaderIdOrderBySubmittedAtDesc(second.getReaderId()).get(0));
		assertThat(latest.get(0).getLicenceNumberHash()).isEqualTo(latest.get(1).getLicenceNumberHash());

		HttpHeaders staff = StaffSessions.signIn(this.rest, "demo-reviewer", "demo-reviewer");
		String page = this.rest
			.exchange("/staff/submissions/{id}", HttpMethod.GET, new HttpEntity<>(staff), String.class,
					latest.get(1).getId())
			.getBody();
		assertThat(page).contains("licence-elsewhere").contains(number.toLowerCase());

		Reader alone = this.readers.newReader();
		journey.toReview(alone,
				new Credentials("丙", "医院", "科室", OTHER_TITLE, "UNIQUE" + System.nanoTime() % 1_000_000L),
				JourneyDriver.PNG);
		long aloneId = this.submissions.findByReaderIdOrderBySubmittedAtDesc(alone.getReaderId()).get(0).getId();
		assertThat(this.rest
			.exchange("/staff/submissions/{id}", HttpMethod.GET, new HttpEntity<>(staff), String.class, aloneId)
			.getBody()).doesNotContain("licence-elsewhere");
	}

}
