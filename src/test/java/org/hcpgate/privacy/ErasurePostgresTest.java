package org.hcpgate.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.hcpgate.consent.Consent;
import org.hcpgate.consent.ConsentRepository;
import org.hcpgate.readers.Reader;
import org.hcpgate.readers.ReaderAccountRepository;
import org.hcpgate.readers.ReaderAccountService;
import org.hcpgate.support.JourneyDriver;
import org.hcpgate.support.JourneyDriver.Credentials;
import org.hcpgate.support.PostgresIntegrationTest;
import org.hcpgate.support.Reviewer;
import org.hcpgate.verification.ZoneAccessService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Plants unique markers for a reader (name, hospital, department, title, licence number,
 * user name, display name, e-mail, a reviewer's note, bytes in the licence photo), takes
 * the reader through review, rejection, resubmission and approval, erases, and then
 * searches the whole database (every text and binary column of every table, the app's and
 * Camunda's {@code ACT_*}), the stored files and the captured log for any of them.
 */
@ExtendWith(OutputCaptureExtension.class)
class ErasurePostgresTest extends PostgresIntegrationTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Reviewer reviewer;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	TaskService taskService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ReaderAccountService accountService;

	@Autowired
	ReaderAccountRepository accounts;

	@Autowired
	ConsentRepository consents;

	@Autowired
	ErasureRecordRepository erasures;

	@Autowired
	ZoneAccessService zoneAccess;

	@Autowired
	DataSource dataSource;

	@Autowired
	org.hcpgate.zones.ZoneService zones;

	@Autowired
	org.camunda.bpm.engine.HistoryService historyService;

	@Autowired
	org.hcpgate.consent.ConsentService consentService;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	@Value("${hcp-gate.storage.directory}")
	Path storage;

	@Autowired
	JourneyDriver journey;

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	Map<String, String> markers;

	@BeforeEach
	void markers() {
		String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
		this.markers = new LinkedHashMap<>();
		for (String what : List.of("name", "hospital", "department", "licence", "note", "photo", "user", "display",
				"email", "answer", "info-note")) {
			this.markers.put(what, "MK" + what.replace("-", "").substring(0, 4).toUpperCase() + id);
		}
	}

	@Test
	void deletingTheAccountLeavesNoMarkerInTheDatabaseTheFilesOrTheLog(CapturedOutput log) throws Exception {
		Reader reader = markedReader();
		throughReviewRejectionAndApproval(reader);

		// before: the scan does see clear data in both app and engine tables...
		assertThat(findInDatabase(List.of(marker("name"), marker("note"), marker("answer")))).contains(
				"credential_submission.real_name: " + marker("name"), "act_hi_varinst.text_: " + marker("note"),
				"answer.text: " + marker("answer"));
		// ...but licence numbers and photos are encrypted at rest
		assertThat(findInDatabase(List.of(marker("licence")))).isEmpty();
		assertThat(findInFiles(List.of(marker("photo")))).isEmpty();

		assertThat(this.jdbc.queryForObject("select count(*) from journey_request where reader_id = ?", Long.class,
				reader.getReaderId()))
			.as("the article the journey was started for")
			.isOne();

		deleteAccount(reader);

		assertThat(this.accounts.findById(Long.parseLong(reader.getReaderId()))).isEmpty();
		assertThat(this.jdbc.queryForObject("select count(*) from journey_request where reader_id = ?", Long.class,
				reader.getReaderId()))
			.isZero();
		assertThat(this.zoneAccess.isGranted(reader.getReaderId(), JourneyDriver.ZONE)).isFalse();
		assertNoMarkerAnywhere(log);
		// Camunda's task metrics would keep a hash of each assignee: the reader's id
		assertThat(this.jdbc.queryForObject("select count(*) from act_ru_task_meter_log", Long.class))
			.as("task metrics kept of anyone")
			.isZero();
		// what stays for the audit: decisions by reader id, without the client address
		List<Consent> kept = this.consents.findByReaderIdOrderByDecidedAtDescIdDesc(reader.getReaderId());
		assertThat(kept).isNotEmpty().allSatisfy(c -> assertThat(c.getClientAddress()).isNull());
		assertThat(this.erasures.findByReaderIdOrderByErasedAtAsc(reader.getReaderId()))
			.extracting(ErasureRecord::getReason, ErasureRecord::getSubmissions, ErasureRecord::getPhotos)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(ErasureRecord.Reason.ACCOUNT_DELETED, 2, 1));
		assertThat(this.erasures.findByReaderIdOrderByErasedAtAsc(reader.getReaderId()).get(0).getAnswerSets()).isOne();
	}

	@Test
	void deletingTheAccountErasesAPhotoThatNoSubmissionTook() throws Exception {
		Reader reader = markedReader();
		this.journey.agreeAndConsent(reader);
		// a good photo with a bad form: kept for the next try, never submitted
		this.mvc
			.perform(this.journey
				.credentials(reader, JourneyDriver.ZONE, JourneyDriver.ARTICLE, "陈医生", JourneyDriver.PNG)
				.param("licenceNumber", "12"))
			.andExpect(status().isOk());
		assertThat(this.jdbc.queryForObject("select count(*) from stored_document where reader_id = ?", Long.class,
				reader.getReaderId()))
			.isOne();
		deleteAccount(reader);
		assertThat(this.jdbc.queryForObject("select count(*) from stored_document where reader_id = ?", Long.class,
				reader.getReaderId()))
			.isZero();
		assertThat(this.erasures.findByReaderIdOrderByErasedAtAsc(reader.getReaderId()))
			.extracting(ErasureRecord::getPhotos)
			.containsExactly(1);
	}

	@Test
	void withdrawingTheLastAgreementErasesTheVerificationAndKeepsTheAccount(CapturedOutput log) throws Exception {
		Reader reader = markedReader();
		throughReviewRejectionAndApproval(reader);

		this.mvc.perform(
				post("/account/consents/withdraw").param("zone", JourneyDriver.ZONE).with(user(reader)).with(csrf()))
			.andExpect(redirectedUrl("/account"));

		assertThat(this.zoneAccess.isGranted(reader.getReaderId(), JourneyDriver.ZONE)).isFalse();
		assertThat(this.accounts.findById(Long.parseLong(reader.getReaderId()))).isPresent();
		this.markers.remove("user");
		this.markers.remove("display");
		this.markers.remove("email");
		assertNoMarkerAnywhere(log);
		assertThat(this.consents.findByReaderIdOrderByDecidedAtDescIdDesc(reader.getReaderId()))
			.extracting(Consent::getChoice)
			.contains(Consent.Choice.AGREED, Consent.Choice.WITHDRAWN);
		assertThat(this.erasures.findByReaderIdOrderByErasedAtAsc(reader.getReaderId()))
			.extracting(ErasureRecord::getReason)
			.containsExactly(ErasureRecord.Reason.LAST_AGREEMENT_WITHDRAWN);
	}

	@Test
	void withdrawingOneOfTwoAgreementsErasesThatZonesJourneysAndKeepsTheVerification() throws Exception {
		Reader reader = markedReader();
		throughReviewRejectionAndApproval(reader);
		// an agreement in force in a second zone: the verification still serves it
		this.transactions.executeWithoutResult(status -> this.consentService.record(reader.getReaderId(), "other-zone",
				Consent.Document.AGREEMENT, 1, true, "127.0.0.1", null, null));
		String journeyKey = reader.getReaderId() + ":" + JourneyDriver.ZONE;
		assertThat(
				this.historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(journeyKey).count())
			.isPositive();

		this.mvc.perform(
				post("/account/consents/withdraw").param("zone", JourneyDriver.ZONE).with(user(reader)).with(csrf()))
			.andExpect(redirectedUrl("/account"));

		assertThat(this.zoneAccess.isGranted(reader.getReaderId(), JourneyDriver.ZONE)).isFalse();
		assertThat(
				this.historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(journeyKey).count())
			.isZero();
		assertThat(this.historyService.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(reader.getReaderId())
			.count()).as("the verification stays").isOne();
		assertThat(findInDatabase(List.of(marker("name")))).isNotEmpty();
		assertThat(findInDatabase(List.of(marker("answer"), marker("info-note")))).as("the zone's answers").isEmpty();
		assertThat(this.erasures.findByReaderIdOrderByErasedAtAsc(reader.getReaderId()))
			.extracting(ErasureRecord::getReason, ErasureRecord::getScope)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(ErasureRecord.Reason.AGREEMENT_WITHDRAWN,
					"zone:" + JourneyDriver.ZONE));
	}

	@Test
	void theDeletionNeedsTheConfirmationAndThePassword() throws Exception {
		Reader reader = markedReader();
		this.mvc
			.perform(post("/account/delete").param("password", "wrong-password")
				.param("confirm", "true")
				.with(user(reader))
				.with(csrf()))
			.andExpect(redirectedUrl("/account"));
		this.mvc.perform(post("/account/delete").param("password", "secret-password-1").with(user(reader)).with(csrf()))
			.andExpect(redirectedUrl("/account"));
		assertThat(this.accounts.findById(Long.parseLong(reader.getReaderId()))).isPresent();
	}

	/**
	 * The password of a session left open is no oracle: deleting the account counts like
	 * a sign-in, and past the limit even the right password waits (it deleted the account
	 * after any number of guesses).
	 */
	@Test
	void guessingThePasswordAtTheDeletionIsThrottledLikeASignIn() throws Exception {
		Reader reader = markedReader();
		for (int guess = 0; guess < 5; guess++) {
			this.mvc
				.perform(post("/account/delete").param("password", "guess-" + guess)
					.param("confirm", "true")
					.with(user(reader))
					.with(csrf()))
				.andExpect(redirectedUrl("/account"));
		}
		this.mvc
			.perform(post("/account/delete").param("password", "secret-password-1")
				.param("confirm", "true")
				.with(user(reader))
				.with(csrf()))
			.andExpect(redirectedUrl("/account"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("error", "account.delete.wait"));
		assertThat(this.accounts.findById(Long.parseLong(reader.getReaderId()))).isPresent();
	}

	/**
	 * A deleted account is signed out everywhere: another device's session kept working
	 * (its sign-in held the reader).
	 */
	@Test
	void deletingTheAccountEndsItsSessionsOnEveryDevice() throws Exception {
		Reader reader = markedReader();
		String site = "http://127.0.0.1:" + this.port;
		org.hcpgate.support.SiteClient phone = new org.hcpgate.support.SiteClient();
		org.hcpgate.support.SiteClient laptop = new org.hcpgate.support.SiteClient();
		for (org.hcpgate.support.SiteClient device : List.of(phone, laptop)) {
			device.post(site + "/login", site + "/login",
					Map.of("username", reader.getUsername(), "password", "secret-password-1"));
			assertThat(device.get(site + "/account").uri().getPath()).isEqualTo("/account");
		}
		phone.post(site + "/account", site + "/account/delete",
				Map.of("password", "secret-password-1", "confirm", "true"));
		assertThat(this.accounts.findById(Long.parseLong(reader.getReaderId()))).isEmpty();
		assertThat(laptop.get(site + "/account").uri().getPath()).as("the other device's next page")
			.isEqualTo("/login");
	}

	private void deleteAccount(Reader reader) throws Exception {
		this.mvc
			.perform(post("/account/delete").param("password", "secret-password-1")
				.param("confirm", "true")
				.with(user(reader))
				.with(csrf()))
			.andExpect(redirectedUrl("/account/deleted"));
	}

	private Reader markedReader() {
		String username = marker("user").toLowerCase();
		this.accountService.register(username, "secret-password-1", marker("display"),
				marker("email").toLowerCase() + "@example.org");
		return (Reader) this.accountService.loadUserByUsername(username);
	}

	private void throughReviewRejectionAndApproval(Reader reader) throws Exception {
		// the title is chosen from the catalogue (中级 of "other health professional",
		// whose
		// licence pattern takes the marker): not the reader's own text
		Credentials credentials = new Credentials(marker("name"), marker("hospital"), marker("department"), "中级",
				marker("licence"));
		byte[] photo = new byte[JourneyDriver.PNG.length + 20];
		System.arraycopy(JourneyDriver.PNG, 0, photo, 0, JourneyDriver.PNG.length);
		byte[] mark = marker("photo").getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(mark, 0, photo, JourneyDriver.PNG.length, mark.length);

		String review = this.journey.toReview(reader, credentials, photo).getId();
		decide(review,
				"{\"variables\":{\"decision\":{\"value\":\"rejected\"},\"reviewNote\":{\"value\":\"" + marker("note")
						+ "\"},\"rejectionReasons\":{\"value\":\"[\\\"photo-unreadable\\\"]\",\"type\":\"Json\"}}}");
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.taskService.createTaskQuery()
				.taskAssignee(reader.getReaderId())
				.taskDefinitionKey("resubmit-credentials")
				.count() == 1);
		this.journey.submitCredentials(reader, credentials, null);
		decide(this.reviewer.reviewTask(reader).getId(), "{\"variables\":{\"decision\":{\"value\":\"approved\"}}}");
		// the demo zone then asks its questions, and staff review the answers
		this.journey.awaitStep(reader, JourneyDriver.ZONE, "answer-questions");
		this.journey.answerQuestions(reader, this.zones.questions(JourneyDriver.ZONE), marker("answer"));
		decide(this.reviewer.informationReviewTask(reader, JourneyDriver.ZONE).getId(),
				"{\"variables\":{\"decision\":{\"value\":\"approved\"},\"reviewNote\":{\"value\":\""
						+ marker("info-note") + "\"}}}");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.zoneAccess.isGranted(reader.getReaderId(), JourneyDriver.ZONE)
					&& this.runtimeService.createProcessInstanceQuery()
						.variableValueEquals("readerId", reader.getReaderId())
						.count() == 0);
	}

	private void decide(String taskId, String json) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		assertThat(this.rest.withBasicAuth("demo-reviewer", "demo-reviewer")
			.postForEntity("/engine-rest/task/{id}/complete", new HttpEntity<>(json, headers), String.class, taskId)
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	private void assertNoMarkerAnywhere(CapturedOutput log) throws Exception {
		List<String> values = List.copyOf(this.markers.values());
		assertThat(findInDatabase(values)).as("markers in the database").isEmpty();
		assertThat(findInFiles(values)).as("markers in stored files").isEmpty();
		assertThat(values).as("markers in the log").noneMatch(log.getAll()::contains);
		assertThat(values.stream().map(String::toLowerCase)).as("markers in the log").noneMatch(log.getAll()::contains);
		// the markers are case-sensitive; user name and e-mail were stored lower-case
		assertThat(findInDatabase(values.stream().map(String::toLowerCase).toList())).isEmpty();
	}

	/** Every text and binary column of every table of the schema, app and ACT_* alike. */
	private List<String> findInDatabase(List<String> values) throws SQLException {
		List<String> found = new ArrayList<>();
		try (Connection connection = this.dataSource.getConnection()) {
			List<String[]> columns = new ArrayList<>();
			try (PreparedStatement list = connection.prepareStatement("""
					select c.table_name, c.column_name, c.data_type from information_schema.columns c
					join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
					where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
					  and c.data_type in ('character varying', 'text', 'character', 'bytea', 'json', 'jsonb')
					"""); ResultSet rs = list.executeQuery()) {
				while (rs.next()) {
					columns.add(new String[] { rs.getString(1), rs.getString(2), rs.getString(3) });
				}
			}
			assertThat(columns).as("columns scanned")
				.hasSizeGreaterThan(100)
				.anyMatch(c -> c[0].equals("act_hi_varinst"))
				.anyMatch(c -> c[0].equals("act_ge_bytearray") && c[2].equals("bytea"))
				.anyMatch(c -> c[0].equals("credential_submission"));
			for (String[] column : columns) {
				boolean binary = column[2].equals("bytea");
				String test = binary ? "position(?::bytea in \"%s\") > 0" : "\"%s\"::text like ?";
				for (String value : values) {
					String sql = "select \"%s\"::text from \"%s\" where ".formatted(column[1], column[0])
							+ test.formatted(column[1]) + " limit 1";
					try (PreparedStatement query = connection.prepareStatement(sql)) {
						if (binary) {
							query.setBytes(1, value.getBytes(StandardCharsets.UTF_8));
						}
						else {
							query.setString(1, "%" + value + "%");
						}
						try (ResultSet rs = query.executeQuery()) {
							if (rs.next()) {
								found.add(column[0] + "." + column[1] + ": " + value);
							}
						}
					}
				}
			}
		}
		return found;
	}

	private List<String> findInFiles(List<String> values) throws IOException {
		List<String> found = new ArrayList<>();
		if (!Files.exists(this.storage)) {
			return found;
		}
		try (Stream<Path> files = Files.walk(this.storage)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
				values.stream().filter(content::contains).forEach(v -> found.add(file + ": " + v));
			}
		}
		return found;
	}

	private String marker(String what) {
		return this.markers.get(what);
	}

}
