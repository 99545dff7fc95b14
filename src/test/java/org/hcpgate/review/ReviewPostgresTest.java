package org.hcpgate.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.hamcrest.Matchers;
import org.hcpgate.credentials.CredentialSubmissionRepository;
import org.hcpgate.support.JourneyDriver;
import org.hcpgate.support.JourneyDriver.Submitted;
import org.hcpgate.support.PostgresIntegrationTest;
import org.hcpgate.support.Readers;
import org.hcpgate.support.Reviewer;
import org.hcpgate.support.StaffSessions;
import org.hcpgate.verification.HcpVerification;
import org.hcpgate.verification.HcpVerificationService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.hcpgate.staff.ReviewFilters;

/**
 * What staff do with reviews, on PostgreSQL through the REST API and the staff pages: the
 * audit trail, the rules a decision must satisfy (reasons, four-eyes, claims), the return
 * of a resubmission to its reviewer, the Tasklist filters, and who may see the leads'
 * pages and the metrics.
 */
class ReviewPostgresTest extends PostgresIntegrationTest {

	static final String REVIEWER = "demo-reviewer";

	static final String LEAD = "demo-lead";

	/** A second reviewer, for claim conflicts. */
	static final String OTHER_REVIEWER = "test-reviewer-2";

	static final String REJECT_PHOTO = "{\"variables\":{\"decision\":{\"value\":\"rejected\"},"
			+ "\"reviewNote\":{\"value\":\"请上传清晰的照片\"},\"internalNote\":{\"value\":\"照片反光,疑似翻拍\"},"
			+ "\"rejectionReasons\":{\"value\":\"[\\\"photo-unreadable\\\"]\",\"type\":\"Json\"}}}";

	static final String REJECT_FINALLY = "{\"variables\":{\"decision\":{\"value\":\"rejected-final\"},"
			+ "\"reviewNote\":{\"value\":\"非医疗卫生专业人士\"},"
			+ "\"rejectionReasons\":{\"value\":\"[\\\"not-hcp\\\"]\",\"type\":\"Json\"}}}";

	static final String APPROVE = "{\"variables\":{\"decision\":{\"value\":\"approved\"}}}";

	@Autowired
	JourneyDriver journeys;

	@Autowired
	Reviewer reviewer;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	Readers readers;

	@Autowired
	TaskService taskService;

	@Autowired
	HistoryService historyService;

	@Autowired
	FilterService filterService;

	@Autowired
	IdentityService identityService;

	@Autowired
	ReviewDecisionRepository audited;

	@Autowired
	CredentialSubmissionRepository credentialSubmissions;

	@Autowired
	HcpVerificationService verifications;

	@Autowired
	ReviewFilters reviewFilters;

	@Autowired
	ReviewService reviewService;

	@BeforeEach
	void secondReviewer() {
		this.reviewer.staffMember(OTHER_REVIEWER, "hcp-reviewers");
	}

	// ---- audit
	// ---------------------------------------------------------------------------

	@Test
	void everyDecisionIsAuditedOnceWithWhoWhatWhyAndTheInternalNoteTheReaderNeverSees() throws Exception {
		Submitted submitted = this.journeys.newSubmission("王医生");
		Task review = submitted.review();

		assertThat(complete(REVIEWER, review.getId(), REJECT_PHOTO).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		List<ReviewDecision> rows = this.audited
			.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(review.getProcessInstanceId());
		assertThat(rows).singleElement().satisfies(row -> {
			assertThat(row.getTaskId()).isEqualTo(review.getId());
			assertThat(row.getTaskKey()).isEqualTo("review-credentials");
			assertThat(row.getDecidedBy()).isEqualTo(REVIEWER);
			assertThat(row.getDecision()).isEqualTo("rejected");
			assertThat(row.getRejectionReasons()).containsExactly("photo-unreadable");
			assertThat(row.getReviewNote()).isEqualTo("请上传清晰的照片");
			assertThat(row.getInternalNote()).isEqualTo("照片反光,疑似翻拍");
			assertThat(row.getAttempt()).isEqualTo(1);
			assertThat(row.getSubmissionId()).isEqualTo(submitted.submission().getId());
			assertThat(row.getReaderId()).isEqualTo(submitted.readerId());
			assertThat(row.getTaskCreatedAt()).isBeforeOrEqualTo(row.getDecidedAt());
		});
		// ... and in Camunda's history
		assertThat(this.historyService.createHistoricTaskInstanceQuery()
			.taskId(review.getId())
			.singleResult()
			.getAssignee()).isNull();
		assertThat(this.historyService.createHistoricTaskInstanceQuery().taskId(review.getId()).finished().count())
			.isEqualTo(1);
		assertThat(this.historyService.createHistoricDetailQuery()
			.processInstanceId(review.getProcessInstanceId())
			.variableUpdates()
			.list())
			.anySatisfy(detail -> assertThat(
					((org.camunda.bpm.engine.history.HistoricVariableUpdate) detail).getVariableName())
				.isEqualTo("internalNote"));

		// one row per task: the table refuses a second
		ReviewDecision again = new ReviewDecision(review.getId(), "review-credentials", review.getProcessInstanceId(),
				java.time.Instant.now(), "approved", REVIEWER);
		assertThatThrownBy(() -> this.audited.saveAndFlush(again)).isInstanceOf(DataIntegrityViolationException.class);

		// the reader sees the note meant for them, never the internal one
		await().atMost(Duration.ofSeconds(20))
			.until(() -> "rejected".equals(
					this.credentialSubmissions.findById(submitted.submission().getId()).orElseThrow().getDecision()));
		this.mvc.perform(get("/journey/" + submitted.zone()).with(user(submitted.reader())))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("请上传清晰的照片")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("疑似翻拍"))));
	}

	@Test
	void aRejectionWithoutAReasonIsRefusedOverRestAndTheTaskStaysOpen() {
		Task review = this.journeys.newSubmission("钱医生").review();

		ResponseEntity<String> answer = complete(REVIEWER, review.getId(),
				"{\"variables\":{\"decision\":{\"value\":\"rejected\"},\"reviewNote\":{\"value\":\"请重拍\"}}}");

		assertThat(answer.getStatusCode().isError()).isTrue();
		assertThat(answer.getBody()).contains("reasons-required").contains("至少选择一个未通过原因");
		assertThat(this.taskService.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
		assertThat(this.audited.existsByTaskId(review.getId())).isFalse();
		assertThat(complete(REVIEWER, review.getId(), REJECT_PHOTO).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	// ---- assignment and four-eyes
	// ---------------------------------------------------------

	@Test
	void aResubmissionGoesBackToTheReviewerWhoRejectedIt() {
		Submitted submitted = this.journeys.newSubmission("孙医生");
		complete(REVIEWER, submitted.review().getId(), REJECT_PHOTO);

		Submitted again = submitted.resubmit(this.journeys, "孙医生", true);

		assertThat(again.review().getId()).isNotEqualTo(submitted.review().getId());
		assertThat(again.review().getAssignee()).isEqualTo(REVIEWER);
		assertThat(complete(REVIEWER, again.review().getId(), APPROVE).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
	}

	@Test
	void aFinalRejectionIsConfirmedByASecondPersonOnly() {
		Submitted submitted = this.journeys.newSubmission("周医生");
		assertThat(complete(REVIEWER, submitted.review().getId(), REJECT_FINALLY).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		Task confirmation = this.reviewer.reviewTask(submitted.readerId(), "confirm-final-rejection");

		// a reviewer who is no lead may not even touch the leads' confirmation
		// (authorization)
		ResponseEntity<String> claim = claim(REVIEWER, confirmation.getId(), REVIEWER);
		assertThat(claim.getStatusCode().isError()).isTrue();
		ResponseEntity<String> confirm = complete(REVIEWER, confirmation.getId(),
				"{\"variables\":{\"finalRejectionConfirmed\":{\"value\":true}}}");
		assertThat(confirm.getStatusCode().isError()).isTrue();
		assertThat(this.verifications.find(submitted.readerId()).orElseThrow().getStatus())
			.isEqualTo(HcpVerification.Status.IN_REVIEW);

		assertThat(claim(LEAD, confirmation.getId(), LEAD).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(complete(LEAD, confirmation.getId(),
				"{\"variables\":{\"finalRejectionConfirmed\":{\"value\":true},\"confirmationNote\":{\"value\":\"同意\"}}}")
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.verifications.find(submitted.readerId()).orElseThrow().getStatus(),
					HcpVerification.Status.REJECTED_FINAL::equals);
		assertThat(this.audited.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(confirmation.getProcessInstanceId()))
			.extracting(ReviewDecision::getDecision, ReviewDecision::getDecidedBy)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("rejected-final", REVIEWER),
					org.assertj.core.groups.Tuple.tuple("confirmed", LEAD));
	}

	@Test
	void aLeadWhoRejectedFinallyCannotConfirmItThemselves() {
		String both = "test-both-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		this.reviewer.staffMember(both, "hcp-reviewers");
		this.identityService.createMembership(both, "hcp-review-leads");
		Submitted submitted = this.journeys.newSubmission("郑医生");
		assertThat(claim(both, submitted.review().getId(), both).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(complete(both, submitted.review().getId(), REJECT_FINALLY).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		Task confirmation = this.reviewer.reviewTask(submitted.readerId(), "confirm-final-rejection");

		ResponseEntity<String> claim = claim(both, confirmation.getId(), both);
		assertThat(claim.getStatusCode()).as("a coded refusal, not a 500").isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(claim.getBody()).contains("same-reviewer").contains("四眼原则");
		ResponseEntity<String> confirm = complete(both, confirmation.getId(),
				"{\"variables\":{\"finalRejectionConfirmed\":{\"value\":true}}}");
		assertThat(confirm.getStatusCode().isError()).isTrue();
		assertThat(confirm.getBody()).contains("same-reviewer");
		assertThat(this.verifications.find(submitted.readerId()).orElseThrow().getStatus())
			.isEqualTo(HcpVerification.Status.IN_REVIEW);
	}

	// ---- claim conflicts
	// ------------------------------------------------------------------

	@Test
	void aClaimedReviewIsRefusedToASecondReviewerAndDecidedOnce() {
		Submitted submitted = this.journeys.newSubmission("吴医生");
		String taskId = submitted.review().getId();
		assertThat(claim(REVIEWER, taskId, REVIEWER).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		ResponseEntity<String> secondClaim = claim(OTHER_REVIEWER, taskId, OTHER_REVIEWER);
		assertThat(secondClaim.getStatusCode().isError()).isTrue();
		assertThat(secondClaim.getBody()).contains("already claimed");
		ResponseEntity<String> secondDecision = complete(OTHER_REVIEWER, taskId, APPROVE);
		assertThat(secondDecision.getStatusCode()).as("a coded refusal, not a 500").isEqualTo(HttpStatus.CONFLICT);
		assertThat(secondDecision.getBody()).contains("claimed-by-other").contains(REVIEWER);
		assertThat(this.audited.existsByTaskId(taskId)).isFalse();

		assertThat(complete(REVIEWER, taskId, REJECT_PHOTO).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		ResponseEntity<String> late = complete(OTHER_REVIEWER, taskId, APPROVE);
		assertThat(late.getStatusCode().isError()).isTrue();
		assertThat(late.getBody()).contains("Cannot find task");
		assertThat(
				this.audited.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(submitted.review().getProcessInstanceId()))
			.extracting(ReviewDecision::getDecision)
			.containsExactly("rejected");
	}

	@Test
	void concurrentClaimsLetOneReviewerHaveTheTask() throws Exception {
		String taskId = this.journeys.newSubmission("郑医生").review().getId();

		List<ResponseEntity<String>> answers = concurrently(() -> claim(REVIEWER, taskId, REVIEWER),
				() -> claim(OTHER_REVIEWER, taskId, OTHER_REVIEWER));

		assertThat(answers).filteredOn(a -> a.getStatusCode().is2xxSuccessful()).hasSize(1);
		assertThat(answers).filteredOn(a -> a.getStatusCode().isError())
			.singleElement()
			.satisfies(a -> assertThat(a.getBody()).containsAnyOf("already claimed", "concurrently"));
		String winner = answers.get(0).getStatusCode().is2xxSuccessful() ? REVIEWER : OTHER_REVIEWER;
		assertThat(this.taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo(winner);
	}

	@Test
	void concurrentDecisionsLandOnceWithOneAuditRowAndOneRecordForTheReader() throws Exception {
		Submitted submitted = this.journeys.newSubmission("冯医生");
		String taskId = submitted.review().getId();

		List<ResponseEntity<String>> answers = concurrently(() -> complete(REVIEWER, taskId, APPROVE),
				() -> complete(OTHER_REVIEWER, taskId, REJECT_PHOTO));

		assertThat(answers).filteredOn(a -> a.getStatusCode().is2xxSuccessful()).hasSize(1);
		assertThat(answers).filteredOn(a -> a.getStatusCode().isError())
			.singleElement()
			.satisfies(a -> assertThat(a.getBody()).isNotBlank());
		String landed = answers.get(0).getStatusCode().is2xxSuccessful() ? "approved" : "rejected";
		assertThat(
				this.audited.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(submitted.review().getProcessInstanceId()))
			.extracting(ReviewDecision::getDecision)
			.containsExactly(landed);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.credentialSubmissions.findById(submitted.submission().getId())
				.orElseThrow()
				.getDecision(), landed::equals);
	}

	// ---- Tasklist filters
	// -------------------------------------------------------------------

	@Test
	void theFiltersAreCreatedOnceEachAndListWhatTheirNamesSay() {
		this.reviewFilters.run(null);
		List<String> ids = List.of(shared(ReviewFilters.OPEN_REVIEWS).get(0).getId(),
				shared(ReviewFilters.OVERDUE_REVIEWS).get(0).getId(), mine(REVIEWER).get(0).getId());
		this.reviewFilters.run(null);

		// the same filters, not new ones: links and settings staff keep stay valid
		assertThat(List.of(shared(ReviewFilters.OPEN_REVIEWS).get(0).getId(),
				shared(ReviewFilters.OVERDUE_REVIEWS).get(0).getId(), mine(REVIEWER).get(0).getId()))
			.isEqualTo(ids);
		assertThat(shared(ReviewFilters.OPEN_REVIEWS)).hasSize(1);
		assertThat(shared(ReviewFilters.OVERDUE_REVIEWS)).hasSize(1);
		for (String staff : List.of(REVIEWER, LEAD, OTHER_REVIEWER)) {
			assertThat(mine(staff)).as("我的 of %s", staff).hasSize(1);
		}
		assertThat(shared(ReviewFilters.OPEN_REVIEWS).get(0).getProperties()).containsKey("variables")
			.containsEntry(ReviewFilters.VERSION_PROPERTY, ReviewFilters.VERSION);
		for (Filter filter : List.of(shared(ReviewFilters.OPEN_REVIEWS).get(0),
				shared(ReviewFilters.OVERDUE_REVIEWS).get(0), mine(REVIEWER).get(0))) {
			assertThat(((org.camunda.bpm.engine.impl.TaskQueryImpl) filter.getQuery()).getExpressions())
				.as("expressions in %s", filter.getName())
				.isEmpty();
		}

		Submitted submitted = this.journeys.newSubmission("陈医生");
		String taskId = submitted.review().getId();
		assertThat(listed(shared(ReviewFilters.OPEN_REVIEWS).get(0))).contains(taskId);
		assertThat(listed(shared(ReviewFilters.OVERDUE_REVIEWS).get(0))).doesNotContain(taskId);

		claim(OTHER_REVIEWER, taskId, OTHER_REVIEWER);
		assertThat(listed(mine(OTHER_REVIEWER).get(0))).contains(taskId);
		assertThat(listed(mine(REVIEWER).get(0))).doesNotContain(taskId);
		assertThat(listed(shared(ReviewFilters.OPEN_REVIEWS).get(0))).as("claimed reviews stay in 待审核")
			.contains(taskId);

		// past due: the review-overdue timer escalates and marks it
		this.reviewService.escalateReview(submitted.review().getProcessInstanceId());
		assertThat(listed(shared(ReviewFilters.OVERDUE_REVIEWS).get(0))).contains(taskId);
	}

	@Test
	void staffAddedLaterGetTheirOwnFilterWhenTheyFirstOpenTasklist() {
		String late = "test-late-" + UUID.randomUUID().toString().substring(0, 8);
		this.reviewer.staffMember(late, "hcp-reviewers");
		assertThat(mine(late)).isEmpty();

		HttpHeaders session = StaffSessions.signIn(this.rest, late, Reviewer.STAFF_PASSWORD);
		ResponseEntity<String> filters = this.rest.exchange(
				"/camunda/api/engine/engine/default/filter?resourceType=Task&firstResult=0&maxResults=50",
				HttpMethod.GET, new HttpEntity<>(session), String.class);

		assertThat(filters.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(mine(late)).hasSize(1);
		this.rest.exchange("/camunda/api/engine/engine/default/filter?resourceType=Task&firstResult=0&maxResults=50",
				HttpMethod.GET, new HttpEntity<>(session), String.class);
		assertThat(mine(late)).hasSize(1);
	}

	// ---- leads' pages and metrics
	// ---------------------------------------------------------

	@Test
	void theDecisionsAndTheDashboardAreForLeadsOnly() throws Exception {
		Submitted submitted = this.journeys.newSubmission("褚医生");
		complete(REVIEWER, submitted.review().getId(), REJECT_PHOTO);
		HttpHeaders reviewer = StaffSessions.signIn(this.rest, REVIEWER, REVIEWER);
		HttpHeaders lead = StaffSessions.signIn(this.rest, LEAD, LEAD);

		for (String page : List.of("/staff/decisions", "/staff/dashboard")) {
			this.mvc.perform(get(page)).andExpect(status().isForbidden());
			this.mvc.perform(get(page).with(user(this.readers.newReader()))).andExpect(status().isForbidden());
			assertThat(page(page, reviewer).getStatusCode()).as("a reviewer on %s", page)
				.isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(page(page, lead).getStatusCode()).as("a lead on %s", page).isEqualTo(HttpStatus.OK);
		}
		String decisions = page("/staff/decisions", lead).getBody();
		assertThat(decisions).contains("data-task-id=\"" + submitted.review().getId() + "\"")
			.contains("照片反光,疑似翻拍")
			.contains("/staff/submissions/" + submitted.submission().getId());
		assertThat(page("/staff/decisions?page=1", lead).getStatusCode()).isEqualTo(HttpStatus.OK);
		String dashboard = page("/staff/dashboard", lead).getBody();
		assertThat(dashboard).contains("id=\"open-over-time\"", "id=\"time-to-decision\"", "id=\"approval-rate\"")
			.contains("<rect class=\"bar\"")
			.doesNotContain("<script");

		// both may open the submission views the forms reference; the card shows what
		// changed
		Submitted again = submitted.resubmit(this.journeys, "褚医师", false);
		for (HttpHeaders staff : List.of(reviewer, lead)) {
			assertThat(page("/staff/submissions/" + again.submission().getId(), staff).getBody()).contains("褚医师")
				.contains("class=\"changed\"");
			ResponseEntity<String> card = page("/staff/submissions/" + again.submission().getId() + "/card.svg", staff);
			assertThat(card.getHeaders().getContentType().toString()).startsWith("image/svg+xml");
			assertThat(card.getHeaders().getCacheControl()).contains("no-store");
			assertThat(card.getBody()).startsWith("<svg")
				.contains("褚医师")
				.contains("上次:褚医生")
				.contains("fill=\"#fff3b0\"")
				.contains("照片无法辨认")
				.doesNotContain("<script");
		}
	}

	@Test
	void metricsAreForLeadsAndAdministratorsOnly() {
		Submitted submitted = this.journeys.newSubmission("卫医生");
		complete(REVIEWER, submitted.review().getId(), APPROVE);

		assertThat(this.rest.getForEntity("/actuator/prometheus", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.rest.withBasicAuth(submitted.reader().getUsername(), "secret-password")
			.getForEntity("/actuator/prometheus", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.rest.withBasicAuth(REVIEWER, REVIEWER)
			.getForEntity("/actuator/prometheus", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		HttpHeaders reviewerSession = StaffSessions.signIn(this.rest, REVIEWER, REVIEWER);
		assertThat(page("/actuator/prometheus", reviewerSession).getStatusCode()).isIn(HttpStatus.UNAUTHORIZED,
				HttpStatus.FORBIDDEN);
		assertThat(this.rest.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

		for (ResponseEntity<String> metrics : List.of(
				this.rest.withBasicAuth(LEAD, LEAD).getForEntity("/actuator/prometheus", String.class),
				this.rest.withBasicAuth("demo-admin", "demo-admin").getForEntity("/actuator/prometheus", String.class),
				page("/actuator/prometheus", StaffSessions.signIn(this.rest, LEAD, LEAD)))) {
			assertThat(metrics.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(metrics.getBody()).contains("hcpgate_reviews_open{task=\"review-credentials\"}")
				.contains("hcpgate_reviews_open{task=\"confirm-final-rejection\"}")
				.contains("hcpgate_reviews_overdue ")
				.contains("hcpgate_review_decisions_total{decision=\"approved\",task=\"review-credentials\"}")
				.contains(
						"hcpgate_review_time_to_decision_seconds_count{decision=\"approved\",task=\"review-credentials\"}");
		}
	}

	// ---- helpers
	// ----------------------------------------------------------------------------

	private ResponseEntity<String> complete(String user, String taskId, String json) {
		return this.rest.withBasicAuth(user, password(user))
			.postForEntity("/engine-rest/task/{id}/complete", json(json), String.class, taskId);
	}

	private ResponseEntity<String> claim(String user, String taskId, String claimer) {
		return this.rest.withBasicAuth(user, password(user))
			.postForEntity("/engine-rest/task/{id}/claim", json("{\"userId\":\"" + claimer + "\"}"), String.class,
					taskId);
	}

	private ResponseEntity<String> page(String path, HttpHeaders session) {
		return this.rest.exchange(path, HttpMethod.GET, new HttpEntity<>(session), String.class);
	}

	private static String password(String user) {
		return user.startsWith("test-") ? Reviewer.STAFF_PASSWORD : user;
	}

	private static HttpEntity<String> json(String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(body, headers);
	}

	@SafeVarargs
	private static List<ResponseEntity<String>> concurrently(Callable<ResponseEntity<String>>... calls)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(calls.length);
		try {
			List<Future<ResponseEntity<String>>> futures = new ArrayList<>();
			for (Callable<ResponseEntity<String>> call : calls) {
				futures.add(pool.submit(call));
			}
			List<ResponseEntity<String>> answers = new ArrayList<>();
			for (Future<ResponseEntity<String>> future : futures) {
				answers.add(future.get());
			}
			return answers;
		}
		finally {
			pool.shutdown();
		}
	}

	private List<Filter> shared(String name) {
		return this.filterService.createFilterQuery()
			.filterName(name)
			.list()
			.stream()
			.filter(f -> f.getOwner() == null)
			.toList();
	}

	private List<Filter> mine(String owner) {
		return this.filterService.createFilterQuery().filterName(ReviewFilters.MY_REVIEWS).filterOwner(owner).list();
	}

	private List<String> listed(Filter filter) {
		return this.filterService.<Task>list(filter.getId()).stream().map(Task::getId).toList();
	}

}
