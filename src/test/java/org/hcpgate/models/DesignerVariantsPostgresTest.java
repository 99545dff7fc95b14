package org.hcpgate.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.hcpgate.journey.JourneyService;
import org.hcpgate.privacy.ReaderErasure;
import org.hcpgate.processes.ZoneAccessProcess;
import org.hcpgate.readers.Reader;
import org.hcpgate.support.JourneyDriver;
import org.hcpgate.support.ModelDeployments;
import org.hcpgate.support.PostgresIntegrationTest;
import org.hcpgate.support.Readers;
import org.hcpgate.support.Reviewer;
import org.hcpgate.support.StaffSessions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A designer's changes, proven on the running application with no Java change: the
 * validation passes the shipped models and refuses broken ones (in the build, and over
 * REST as Camunda Modeler deploys), and a variant with a new reader step from a Camunda
 * Form, deployed at run time by an administrator, takes new readers while started ones
 * finish on their version, or move to it by Camunda's migration.
 */
class DesignerVariantsPostgresTest extends PostgresIntegrationTest {

	@Autowired
	ModelContext context;

	@Autowired
	JourneyDriver journeys;

	@Autowired
	JourneyService journey;

	@Autowired
	Readers readers;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReaderErasure erasure;

	@RegisterExtension
	ModelDeployments.Undeploy undeploy = new ModelDeployments.Undeploy();

	@Test
	void everyShippedModelDecisionAndFormPassesTheValidation() throws IOException {
		Map<String, byte[]> files = shipped();
		long started = System.nanoTime();

		List<ModelProblem> problems = ModelCheck.check(files, this.context);

		long millis = (System.nanoTime() - started) / 1_000_000;
		assertThat(problems).isEmpty();
		assertThat(files.keySet()).contains("processes/zone-access.bpmn", "processes/review-group.dmn",
				"forms/review-credentials.form");
		System.out.printf("Model validation of %d shipped files: %d ms%n", files.size(), millis);
	}

	@Test
	void brokenModelsAreRefusedWithAMessageThatNamesTheElement() throws IOException {
		Map<String, byte[]> files = shipped();
		String zoneAccess = text(files.get("processes/zone-access.bpmn"))
			.replace("${grantZoneAccess}", "${grantZoneAcess}")
			.replace("site:informed-consent", "site:informed-consents")
			.replace("camunda:candidateGroups=\"hcp-reviewers\"", "camunda:candidateGroups=\"hcp-reviewer\"")
			.replace("${!needsInformationReview}", "${!needsInfoReview}")
			.replace(">PT1H<", ">one hour<")
			.replace("id=\"access-granted\" name=\"已开通\"", "id=\"access-granted\"")
			.replace("camunda:delegateExpression=\"${recordInformationRejection}\"",
					"camunda:class=\"org.hcpgate.review.RecordInformationRejection\"");
		files.put("processes/zone-access.bpmn", zoneAccess.getBytes(StandardCharsets.UTF_8));

		List<String> problems = ModelCheck.check(files, this.context).stream().map(ModelProblem::toString).toList();

		assertThat(problems)
			.anySatisfy(p -> assertThat(p).contains("[grant-zone-access]", "grantZoneAcess", "does not have"));
		assertThat(problems)
			.anySatisfy(p -> assertThat(p).contains("[informed-consent]", "no page for 'site:informed-consents'"));
		assertThat(problems).anySatisfy(p -> assertThat(p).contains("[review-information]", "'hcp-reviewer'",
				"hcp-review-leads, hcp-reviewers"));
		assertThat(problems)
			.anySatisfy(p -> assertThat(p).contains("[Flow_WithoutInformationReview]", "'needsInfoReview'"));
		assertThat(problems).anySatisfy(p -> assertThat(p).contains("'one hour' is no ISO-8601 duration"));
		assertThat(problems).anySatisfy(p -> assertThat(p).contains("[access-granted]", "name the end"));
		assertThat(problems).anySatisfy(
				p -> assertThat(p).contains("[record-information-rejection]", "camunda:class names a Java class"));
	}

	@Test
	void aGatewayThatReadsAVariableOnlyALaterStepWritesIsRefused() throws IOException {
		Map<String, byte[]> files = shipped();
		// the agreement's gateway now asks for the answers' review before any answer
		String zoneAccess = text(files.get("processes/zone-access.bpmn")).replace("${!agreementAccepted}",
				"${!agreementAccepted and needsInformationReview}");
		files.put("processes/zone-access.bpmn", zoneAccess.getBytes(StandardCharsets.UTF_8));

		assertThat(ModelCheck.check(files, this.context)).singleElement()
			.hasToString("processes/zone-access.bpmn [Flow_AgreementRefused]: the condition reads "
					+ "'needsInformationReview', which only decide-information-review writes, and none of them comes before it");
	}

	@Test
	void aReaderFormWithAComponentTheSiteCannotRenderIsRefusedNamingFormFieldAndComponent() throws IOException {
		Map<String, byte[]> files = variant();
		String form = text(files.get("work-badge.form")).replace("\"type\": \"textfield\"",
				"\"type\": \"dynamiclist\"");
		files.put("work-badge.form", form.getBytes(StandardCharsets.UTF_8));

		assertThat(ModelCheck.check(files, this.context)).singleElement()
			.satisfies(problem -> assertThat(problem.toString()).contains("[upload-work-badge]",
					"Form work-badge, field 'employeeNumber' (dynamiclist)",
					"cannot render the component 'dynamiclist'"));
	}

	@Test
	void aBrokenDeploymentOverRestIsRefusedWith400AndNothingIsDeployed() throws IOException {
		Map<String, byte[]> files = variant();
		files.put("zone-access-work-badge.bpmn",
				text(files.get("zone-access-work-badge.bpmn"))
					.replace("camunda:formRef=\"work-badge\"", "camunda:formRef=\"work-badges\"")
					.getBytes(StandardCharsets.UTF_8));
		long before = this.repository.createDeploymentQuery().count();

		ResponseEntity<String> answer = deploy(files);

		assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
		assertThat(answer.getBody()).contains("HCP Gate refuses the models", "[upload-work-badge]",
				"the form 'work-badges' is not in the deployment");
		assertThat(this.repository.createDeploymentQuery().count()).isEqualTo(before);
	}

	@Test
	void aVariantDeployedAtRunTimeTakesNewReadersWhileStartedOnesFinishOnTheirVersionOrMigrate() throws Exception {
		String zone = this.journeys.newZone();
		Reader started = this.readers.newReader();
		Reader migrated = this.readers.newReader();
		this.journeys.start(started, zone, null);
		this.journeys.start(migrated, zone, null);
		this.journeys.awaitStep(started, zone, ZoneAccessProcess.TASK_ACCEPT_AGREEMENT);
		this.journeys.awaitStep(migrated, zone, ZoneAccessProcess.TASK_ACCEPT_AGREEMENT);
		ProcessDefinition shipped = latestZoneAccess();

		// an administrator deploys the variant as Camunda Modeler does
		ResponseEntity<String> deployed = deploy(variant());
		assertThat(deployed.getStatusCode().value()).as(deployed.getBody()).isEqualTo(200);
		ProcessDefinition variant = latestZoneAccess();
		assertThat(variant.getVersion()).isGreaterThan(shipped.getVersion());

		// a reader who started before finishes on the shipped version: no new step
		this.journeys.answer(started, zone, "agreement", "agree", null);
		this.journeys.awaitStep(started, zone, "submit-credentials");
		assertThat(journeyOf(started, zone).getProcessDefinitionId()).isEqualTo(shipped.getId());

		// a new reader gets the new step, rendered by the site from the form
		Reader fresh = this.readers.newReader();
		this.journeys.agree(fresh, zone, null);
		this.journeys.awaitStep(fresh, zone, "form:upload-work-badge");
		String page = this.mvc.perform(get("/journey/" + zone).with(user(fresh)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("请上传您的工牌照片", "职业", "药师", "工牌照片", "这是我本人的工牌", "字母和数字");

		// mistakes come back on the same page, with what was typed
		String mistaken = this.mvc
			.perform(multipart("/journey/" + zone + "/form/upload-work-badge").param("badgeProfession", "surgeon")
				.param("employeeNumber", "E1")
				.with(user(fresh))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(mistaken).contains("请从给出的选项中选择", "至少 4 个字", "请上传文件", "此项必填", "value=\"E1\"");
		assertThat(this.journey.currentStep(fresh.getReaderId(), zone).step()).isEqualTo("form:upload-work-badge");

		// the badge goes through the licence photo's checks
		this.mvc
			.perform(multipart("/journey/" + zone + "/form/upload-work-badge")
				.file(new MockMultipartFile("workBadge", "badge.png", "image/png", JourneyDriver.PNG))
				.param("badgeProfession", "pharmacist")
				.param("employeeNumber", "E12345")
				.param("badgeIsMine", "true")
				.with(user(fresh))
				.with(csrf()))
			.andExpect(result -> assertThat(result.getResponse().getStatus())
				.as(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
				.isEqualTo(302));
		this.journeys.awaitStep(fresh, zone, "submit-credentials");

		// the answers are the application's, encrypted; the process holds their id and
		// the routing field only
		ProcessInstance freshJourney = journeyOf(fresh, zone);
		Map<String, Object> variables = this.runtime.getVariables(freshJourney.getId());
		Long answersId = (Long) variables.get("uploadWorkBadgeAnswersId");
		assertThat(variables).containsEntry("badgeProfession", "pharmacist")
			.doesNotContainKeys("employeeNumber", "workBadge", "badgeIsMine");
		String stored = this.jdbc.queryForObject("select content_enc from form_answers where id = ?", String.class,
				answersId);
		assertThat(stored).doesNotContain("E12345", "pharmacist");
		assertThat(this.jdbc.queryForObject("select count(*) from stored_document where reader_id = ? and attached",
				Integer.class, fresh.getReaderId()))
			.isEqualTo(1);

		// staff read them by reference, labelled by the form, when they need to know
		String answersPage = "/staff/form-answers/" + answersId;
		HttpHeaders reviewer = StaffSessions.signIn(this.rest, Reviewer.REVIEWER, Reviewer.REVIEWER);
		assertThat(this.rest.exchange(answersPage, HttpMethod.GET, new HttpEntity<>(reviewer), String.class)
			.getStatusCode()
			.value()).as("no review of this reader is open to the reviewer yet").isEqualTo(403);
		HttpHeaders lead = StaffSessions.signIn(this.rest, Reviewer.LEAD, Reviewer.LEAD);
		ResponseEntity<String> shown = this.rest.exchange(answersPage, HttpMethod.GET, new HttpEntity<>(lead),
				String.class);
		assertThat(shown.getStatusCode().value()).isEqualTo(200);
		assertThat(shown.getBody()).contains("职业", "药师", "工号", "E12345", answersPage + "/documents/workBadge");
		ResponseEntity<byte[]> badge = this.rest.exchange(answersPage + "/documents/workBadge", HttpMethod.GET,
				new HttpEntity<>(lead), byte[].class);
		assertThat(badge.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
		assertThat(this.jdbc.queryForList("select subject from staff_view where reader_id = ?", String.class,
				fresh.getReaderId()))
			.containsExactly("FORM_ANSWERS", "FORM_DOCUMENT");

		// the common case of a migration: same activities, mapped one to one
		ProcessInstance waiting = journeyOf(migrated, zone);
		MigrationPlan plan = this.runtime.createMigrationPlan(shipped.getId(), variant.getId())
			.mapEqualActivities()
			.updateEventTriggers()
			.build();
		this.runtime.newMigration(plan).processInstanceIds(waiting.getId()).execute();
		this.journeys.answer(migrated, zone, "agreement", "agree", null);
		this.journeys.awaitStep(migrated, zone, "form:upload-work-badge");

		// erased with the reader: answers and badge
		this.erasure.deleteAccount(Long.parseLong(fresh.getReaderId()));
		assertThat(this.jdbc.queryForObject("select count(*) from form_answers where reader_id = ?", Integer.class,
				fresh.getReaderId()))
			.isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from stored_document where reader_id = ?", Integer.class,
				fresh.getReaderId()))
			.isZero();
	}

	private ProcessDefinition latestZoneAccess() {
		return this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(ZoneAccessProcess.KEY)
			.latestVersion()
			.singleResult();
	}

	private ProcessInstance journeyOf(Reader reader, String zone) {
		return this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(ZoneAccessProcess.businessKey(reader.getReaderId(), zone))
			.singleResult();
	}

	private ResponseEntity<String> deploy(Map<String, byte[]> files) {
		ModelDeployments deployment = ModelDeployments.of();
		deployment.files().putAll(files);
		return deployment.deploy(this.rest, "work-badge variant", this.undeploy);
	}

	/**
	 * The variant as a designer deploys it: the model and what it names by deployment.
	 */
	private static Map<String, byte[]> variant() {
		// binding deployment: the staff form and the decision the model names go with it
		return new LinkedHashMap<>(ModelDeployments.of()
			.variant("zone-access-work-badge.bpmn")
			.variant("work-badge.form")
			.shipped("processes/information-review.dmn")
			.shipped("forms/review-information.form")
			.files());
	}

	private static Map<String, byte[]> shipped() throws IOException {
		Map<String, byte[]> files = new LinkedHashMap<>();
		for (String folder : List.of("processes", "forms")) {
			try (Stream<Path> paths = Files.list(Path.of(folder))) {
				for (Path path : paths.sorted().toList()) {
					files.put(folder + "/" + path.getFileName(), Files.readAllBytes(path));
				}
			}
		}
		return files;
	}

	private static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
