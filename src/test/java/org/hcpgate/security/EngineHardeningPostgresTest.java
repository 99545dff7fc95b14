package org.hcpgate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.hcpgate.support.ExpressionCanary;
import org.hcpgate.support.PostgresIntegrationTest;
import org.hcpgate.support.StaffSessions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The engine on PostgreSQL refuses what Camunda 7.24 CE leaves open: expressions in task
 * and filter queries ({@code orQueries} included, over REST and the webapps' API, never
 * evaluated), scripts in models, Java serialization.
 */
class EngineHardeningPostgresTest extends PostgresIntegrationTest {

	static final String CANARY = "${expressionCanary.touch()}";

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ExpressionCanary canary;

	@Autowired
	TaskService taskService;

	@Autowired
	FilterService filterService;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	org.camunda.bpm.engine.HistoryService historyService;

	@Autowired
	ProcessEngineConfiguration engineConfiguration;

	int touchesBefore;

	@BeforeEach
	void countTouches() {
		this.touchesBefore = this.canary.touches();
	}

	@Test
	void anExpressionInOrQueriesOverRestIsRefusedAndNeverEvaluated() {
		ResponseEntity<String> answer = postAsReviewer("/engine-rest/task?maxResults=10",
				"{\"orQueries\":[{\"assigneeExpression\":\"" + CANARY + "\"}]}");
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(answer.getBody()).contains("Expressions are not allowed");
		assertNeverEvaluated();
	}

	@Test
	void expressionsAreFoundHoweverTheyAreWritten() {
		// JSON escape of "$", "#{" deferred syntax, named engine path, count endpoint,
		// query parameter
		assertThat(postAsReviewer("/engine-rest/task?maxResults=10",
				"{\"orQueries\":[{\"candidateUserExpression\":\"\\u0024{expressionCanary.touch()}\"}]}")
			.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(postAsReviewer("/engine-rest/task?maxResults=10",
				"{\"orQueries\":[{\"assigneeExpression\":\"#{expressionCanary.touch()}\"}]}")
			.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(postAsReviewer("/engine-rest/engine/default/task?maxResults=10",
				"{\"orQueries\":[{\"assigneeExpression\":\"" + CANARY + "\"}]}")
			.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(postAsReviewer("/engine-rest/task/count", "{\"assigneeExpression\":\"" + CANARY + "\"}")
			.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(this.rest.withBasicAuth("demo-reviewer", "demo-reviewer")
			.getForEntity("/engine-rest/task?maxResults=10&assigneeExpression={e}", String.class, CANARY)
			.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(postAsReviewer("/engine-rest/task?maxResults=10", "not json").getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		assertNeverEvaluated();
	}

	@Test
	void aQueryWithoutExpressionsStillAnswers() {
		assertThat(postAsReviewer("/engine-rest/task?maxResults=10",
				"{\"orQueries\":[{\"candidateGroup\":\"hcp-reviewers\"},{\"assignee\":\"demo-reviewer\"}]}")
			.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void filtersWithAnExpressionCannotBeCreatedUpdatedOrExecuted() {
		ResponseEntity<String> create = this.rest.withBasicAuth("demo-admin", "demo-admin")
			.postForEntity("/engine-rest/filter/create",
					json("{\"resourceType\":\"Task\",\"name\":\"probe\","
							+ "\"query\":{\"orQueries\":[{\"assigneeExpression\":\"" + CANARY + "\"}]}}"),
					String.class);
		assertThat(create.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

		String filterId = this.filterService.createFilterQuery().filterName("待审核").singleResult().getId();
		ResponseEntity<String> update = this.rest.withBasicAuth("demo-admin", "demo-admin")
			.exchange("/engine-rest/filter/{id}", HttpMethod.PUT,
					json("{\"resourceType\":\"Task\",\"name\":\"待审核\","
							+ "\"query\":{\"orQueries\":[{\"assigneeExpression\":\"" + CANARY + "\"}]}}"),
					String.class, filterId);
		assertThat(update.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

		ResponseEntity<String> execute = postAsReviewer("/engine-rest/filter/" + filterId + "/list?maxResults=10",
				"{\"orQueries\":[{\"assigneeExpression\":\"" + CANARY + "\"}]}");
		assertThat(execute.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(postAsReviewer("/engine-rest/filter/" + filterId + "/list?maxResults=10", "{}").getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertNeverEvaluated();
	}

	@Test
	void theWebappsOwnApiRefusesExpressionsToo() {
		HttpHeaders session = StaffSessions.signIn(this.rest, "demo-reviewer", "demo-reviewer");
		session.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<String> refused = this.rest.exchange("/camunda/api/engine/engine/default/task?maxResults=10",
				HttpMethod.POST,
				new HttpEntity<>("{\"orQueries\":[{\"assigneeExpression\":\"" + CANARY + "\"}]}", session),
				String.class);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		String filterId = this.filterService.createFilterQuery().filterName("待审核").singleResult().getId();
		ResponseEntity<String> execute = this.rest.exchange(
				"/camunda/api/engine/engine/default/filter/{id}/list?maxResults=10", HttpMethod.POST,
				new HttpEntity<>("{\"orQueries\":[{\"assigneeExpression\":\"" + CANARY + "\"}]}", session),
				String.class, filterId);
		assertThat(execute.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		ResponseEntity<String> clean = this.rest.exchange("/camunda/api/engine/engine/default/task?maxResults=10",
				HttpMethod.POST, new HttpEntity<>("{\"candidateGroup\":\"hcp-reviewers\"}", session), String.class);
		assertThat(clean.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertNeverEvaluated();
	}

	@Test
	void theEngineItselfRefusesAnOrBranchExpressionBeforeEvaluatingIt() {
		assertThatThrownBy(() -> this.taskService.createTaskQuery().or().taskAssigneeExpression(CANARY).endOr().list())
			.isInstanceOf(BadUserRequestException.class)
			.hasMessageContaining("Expressions are not allowed");
		Filter filter = this.filterService.newTaskFilter("probe-" + System.nanoTime())
			.setQuery(this.taskService.createTaskQuery().or().taskAssigneeExpression(CANARY).endOr());
		assertThatThrownBy(() -> this.filterService.saveFilter(filter)).isInstanceOf(BadUserRequestException.class);
		String filterId = this.filterService.createFilterQuery().filterName("待审核").singleResult().getId();
		TaskQueryImpl extending = (TaskQueryImpl) this.taskService.createTaskQuery()
			.or()
			.taskCandidateUserExpression(CANARY)
			.endOr();
		assertThatThrownBy(() -> this.filterService.list(filterId, extending))
			.isInstanceOf(BadUserRequestException.class);
		assertNeverEvaluated();
	}

	@Test
	void expressionsAreOffInAdhocAndStoredQueriesAndJavaSerializationIsOff() {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) this.engineConfiguration;
		assertThat(configuration.isEnableExpressionsInAdhocQueries()).isFalse();
		assertThat(configuration.isEnableExpressionsInStoredQueries()).isFalse();
		assertThat(configuration.isJavaSerializationFormatEnabled()).isFalse();
		assertThat(configuration.isDeserializationTypeValidationEnabled()).isTrue();
		assertThat(configuration.isAuthorizationEnabled()).isTrue();
		assertThat(configuration.getQueryMaxResultsLimit()).isEqualTo(2000);
		assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
		assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
		assertThat(this.historyService.findHistoryCleanupJobs()).as("history clean-up scheduled").isNotEmpty();
	}

	@Test
	void aJavaSerializedVariableIsRefused() {
		org.camunda.bpm.engine.task.Task task = this.taskService.newTask();
		this.taskService.saveTask(task);
		try {
			assertThatThrownBy(() -> this.taskService.setVariable(task.getId(), "payload",
					Variables.serializedObjectValue("rO0ABXQABWhlbGxv")
						.serializationDataFormat(Variables.SerializationDataFormats.JAVA)
						.objectTypeName("java.lang.String")
						.create()))
				.isInstanceOf(ProcessEngineException.class)
				.hasMessageContaining("prohibited");
		}
		finally {
			this.taskService.deleteTask(task.getId(), true);
		}
	}

	@Test
	void aModelWithAScriptTaskIsRefusedAtDeploymentNamingTheElement() {
		BpmnModelInstance scriptTask = Bpmn.createExecutableProcess("script-probe")
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.scriptTask("run-a-script")
			.scriptFormat("groovy")
			.scriptText("println 'hello'")
			.endEvent()
			.done();
		assertRefused(scriptTask, "script task 'run-a-script'");
	}

	@Test
	void scriptListenersAndScriptConditionsAreRefusedToo() {
		assertRefused(model("script-listener-probe", """
				<bpmn:startEvent id="start"/>
				<bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="listened-task"/>
				<bpmn:userTask id="listened-task">
				  <bpmn:extensionElements>
				    <camunda:taskListener event="create">
				      <camunda:script scriptFormat="javascript">task.setVariable('x', 1)</camunda:script>
				    </camunda:taskListener>
				  </bpmn:extensionElements>
				</bpmn:userTask>
				<bpmn:sequenceFlow id="f2" sourceRef="listened-task" targetRef="end"/>
				<bpmn:endEvent id="end"/>
				"""), "script in 'listened-task'");
		assertRefused(model("execution-listener-probe", """
				<bpmn:extensionElements>
				  <camunda:executionListener event="start">
				    <camunda:script scriptFormat="groovy">println 'x'</camunda:script>
				  </camunda:executionListener>
				</bpmn:extensionElements>
				<bpmn:startEvent id="start"/>
				<bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="end"/>
				<bpmn:endEvent id="end"/>
				"""), "script in 'execution-listener-probe'");
		assertRefused(
				model("script-condition-probe",
						"""
								<bpmn:startEvent id="start"/>
								<bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="choose"/>
								<bpmn:exclusiveGateway id="choose" default="otherwise"/>
								<bpmn:sequenceFlow id="by-script" sourceRef="choose" targetRef="end">
								  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">x &gt; 1</bpmn:conditionExpression>
								</bpmn:sequenceFlow>
								<bpmn:sequenceFlow id="otherwise" sourceRef="choose" targetRef="end"/>
								<bpmn:endEvent id="end"/>
								"""),
				"script condition 'by-script'");
		assertRefused(
				model("io-mapping-probe",
						"""
								<bpmn:startEvent id="start"/>
								<bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="mapped"/>
								<bpmn:userTask id="mapped">
								  <bpmn:extensionElements>
								    <camunda:inputOutput>
								      <camunda:inputParameter name="x"><camunda:script scriptFormat="groovy">1</camunda:script></camunda:inputParameter>
								    </camunda:inputOutput>
								  </bpmn:extensionElements>
								</bpmn:userTask>
								<bpmn:sequenceFlow id="f2" sourceRef="mapped" targetRef="end"/>
								<bpmn:endEvent id="end"/>
								"""),
				"'mapped'");
	}

	private static String model(String key, String body) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
				    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
				    id="probe" targetNamespace="http://hcpgate.org/probe">
				  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="1">
				%s
				  </bpmn:process>
				</bpmn:definitions>
				""".formatted(key, body).strip();
	}

	private void assertRefused(String xml, String named) {
		assertThatThrownBy(() -> this.repositoryService.createDeployment()
			.name("script-probe")
			.addString("probe.bpmn", xml)
			.deploy()).isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("Scripts are not allowed")
			.hasMessageContaining(named);
		assertThat(this.repositoryService.createDeploymentQuery().deploymentName("script-probe").count()).isZero();
	}

	private void assertRefused(BpmnModelInstance model, String named) {
		assertThatThrownBy(() -> this.repositoryService.createDeployment()
			.name("script-probe")
			.addModelInstance("probe.bpmn", model)
			.deploy()).isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("Scripts are not allowed")
			.hasMessageContaining(named);
		assertThat(this.repositoryService.createDeploymentQuery().deploymentName("script-probe").count()).isZero();
	}

	private void assertNeverEvaluated() {
		assertThat(this.canary.touches()).as("expression evaluations").isEqualTo(this.touchesBefore);
	}

	private ResponseEntity<String> postAsReviewer(String url, String body) {
		return this.rest.withBasicAuth("demo-reviewer", "demo-reviewer").postForEntity(url, json(body), String.class);
	}

	private static HttpEntity<String> json(String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(body, headers);
	}

}
