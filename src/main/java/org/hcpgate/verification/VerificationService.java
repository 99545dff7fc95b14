package org.hcpgate.verification;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.hcpgate.accounts.ReaderAccountRepository;
import org.hcpgate.verification.JourneyStep.Kind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reader side's one door to the engine: starts journeys, finds the reader's active step
 * and completes it. Controllers never touch the engine's services. Bean
 * {@code verificationService} is also called by the models ({@code isVerificationRunning}).
 */
@Service("verificationService")
public class VerificationService {

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final HistoryService history;

	private final ReaderAccountRepository accounts;

	private final ZoneAccessService zoneAccess;

	VerificationService(RuntimeService runtime, TaskService tasks, HistoryService history,
			ReaderAccountRepository accounts, ZoneAccessService zoneAccess) {
		this.runtime = runtime;
		this.tasks = tasks;
		this.history = history;
		this.accounts = accounts;
		this.zoneAccess = zoneAccess;
	}

	/** What the reader should see now for this zone. Reads the engine's runtime state only. */
	@Transactional(readOnly = true)
	public JourneyStep currentStep(String readerId, String zoneKey) {
		if (this.zoneAccess.isGranted(readerId, zoneKey)) {
			return JourneyStep.of(Kind.GRANTED);
		}
		String businessKey = ZoneAccessProcess.businessKey(readerId, zoneKey);
		if (activeJourney(businessKey).isEmpty()) {
			return lastEnd(businessKey).map(end -> new JourneyStep(Kind.ENDED, end))
				.orElse(JourneyStep.of(Kind.NOT_STARTED));
		}
		Optional<Task> readerTask = activeReaderTask(readerId, zoneKey);
		if (readerTask.isPresent()) {
			return new JourneyStep(Kind.READER_STEP, stepOf(readerTask.get()));
		}
		long openTasks = this.tasks.createTaskQuery().processInstanceBusinessKeyIn(businessKey, readerId).count();
		return JourneyStep.of((openTasks > 0) ? Kind.IN_REVIEW : Kind.PROCESSING);
	}

	/**
	 * Starts the reader's journey into a zone unless one is running. The reader's row lock
	 * serialises concurrent starts (two tabs, two nodes): one journey per reader and zone.
	 */
	@Transactional
	public void startJourney(long accountId, String zoneKey, Long requestedArticleId) {
		String readerId = this.accounts.lockById(accountId).orElseThrow().getReaderId();
		String businessKey = ZoneAccessProcess.businessKey(readerId, zoneKey);
		if (activeJourney(businessKey).isPresent() || this.zoneAccess.isGranted(readerId, zoneKey)) {
			return;
		}
		this.runtime.createProcessInstanceByKey(ZoneAccessProcess.KEY)
			.businessKey(businessKey)
			.setVariable(ZoneAccessProcess.VAR_READER_ID, readerId)
			.setVariable(ZoneAccessProcess.VAR_ZONE_KEY, zoneKey)
			.setVariable(ZoneAccessProcess.VAR_REQUESTED_ARTICLE_ID, requestedArticleId)
			.execute();
	}

	/**
	 * Completes the reader's active task if it is one of {@code stepKeys}; must run inside the
	 * caller's transaction, so what the caller saved commits with the process move.
	 * @return the completed task
	 * @throws StepNotActiveException when no such task is active for this reader
	 */
	@Transactional
	public Task completeReaderStep(String readerId, String zoneKey, Map<String, Object> variables,
			String... stepKeys) {
		Task task = requireReaderStep(readerId, zoneKey, stepKeys);
		this.tasks.complete(task.getId(), variables);
		return task;
	}

	/**
	 * The reader's active task, which must be one of {@code stepKeys}.
	 * @throws StepNotActiveException when no such task is active for this reader
	 */
	public Task requireReaderStep(String readerId, String zoneKey, String... stepKeys) {
		// One reader's steps run one at a time, across zones and nodes: a journey that
		// reaches the verification sees a verification another journey just started.
		this.accounts.lockById(Long.parseLong(readerId));
		List<String> keys = Arrays.asList(stepKeys);
		return readerTasks(readerId, zoneKey).filter(t -> keys.contains(t.getTaskDefinitionKey()))
			.findFirst()
			.orElseThrow(() -> new StepNotActiveException(String.join("|", stepKeys)));
	}

	/** Completes a task found by {@link #requireReaderStep}, in the caller's transaction. */
	@Transactional
	public void complete(Task task, Map<String, Object> variables) {
		this.tasks.complete(task.getId(), variables);
	}

	/**
	 * Whether the reader's HCP verification is running (from any zone's journey). Called by
	 * {@code processes/zone-access.bpmn} to join it instead of starting a second one.
	 */
	@Transactional(readOnly = true)
	public boolean isVerificationRunning(String readerId) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(HcpVerificationProcess.KEY)
			.processInstanceBusinessKey(readerId)
			.count() > 0;
	}

	/** Tells the zone journeys waiting for this reader's verification that it has ended. */
	public void announceVerificationEnded(String readerId) {
		this.runtime.createMessageCorrelation(ZoneAccessProcess.MESSAGE_VERIFICATION_COMPLETED)
			.processInstanceVariableEquals(ZoneAccessProcess.VAR_READER_ID, readerId)
			.correlateAllWithResult();
	}

	/**
	 * The reader task to show for this zone: the zone journey's own step first, else the step
	 * of the reader's HCP verification (shared by every zone that waits for it).
	 */
	public Optional<Task> activeReaderTask(String readerId, String zoneKey) {
		return readerTasks(readerId, zoneKey).findFirst();
	}

	private Stream<Task> readerTasks(String readerId, String zoneKey) {
		return Stream.of(ZoneAccessProcess.businessKey(readerId, zoneKey), readerId)
			.flatMap(businessKey -> this.tasks.createTaskQuery()
				.taskAssignee(readerId)
				.processInstanceBusinessKey(businessKey)
				.initializeFormKeys()
				.orderByTaskCreateTime()
				.asc()
				.list()
				.stream())
			.filter(task -> task.getFormKey() != null
					&& task.getFormKey().startsWith(ZoneAccessProcess.SITE_FORM_KEY_PREFIX));
	}

	private static String stepOf(Task task) {
		return task.getFormKey().substring(ZoneAccessProcess.SITE_FORM_KEY_PREFIX.length());
	}

	/**
	 * The article the reader asked for when the journey into this zone started (variable
	 * {@code requestedArticleId}): of the running journey, else of the last one that ended.
	 * Survives a review that lasts days, sign-outs and other devices.
	 */
	@Transactional(readOnly = true)
	public Optional<Long> requestedArticle(String readerId, String zoneKey) {
		String businessKey = ZoneAccessProcess.businessKey(readerId, zoneKey);
		Optional<ProcessInstance> running = activeJourney(businessKey);
		if (running.isPresent()) {
			return asLong(this.runtime.getVariable(running.get().getId(), ZoneAccessProcess.VAR_REQUESTED_ARTICLE_ID));
		}
		return this.history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(ZoneAccessProcess.KEY)
			.processInstanceBusinessKey(businessKey)
			.orderByProcessInstanceStartTime()
			.desc()
			.listPage(0, 1)
			.stream()
			.findFirst()
			.flatMap(instance -> this.history.createHistoricVariableInstanceQuery()
				.processInstanceId(instance.getId())
				.variableName(ZoneAccessProcess.VAR_REQUESTED_ARTICLE_ID)
				.list()
				.stream()
				.findFirst())
			.flatMap(variable -> asLong(variable.getValue()));
	}

	/**
	 * The reader's most recently started journey that is still running: where a message
	 * about the reader's (platform-wide) verification should lead back to.
	 */
	@Transactional(readOnly = true)
	public Optional<JourneyRef> latestRunningJourney(String readerId) {
		return this.history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(ZoneAccessProcess.KEY)
			.processInstanceBusinessKeyLike(readerId + ":%")
			.unfinished()
			.orderByProcessInstanceStartTime()
			.desc()
			.listPage(0, 1)
			.stream()
			.findFirst()
			.map(instance -> {
				String businessKey = instance.getBusinessKey();
				String zoneKey = businessKey.substring(businessKey.indexOf(':') + 1);
				Object article = this.runtime.getVariable(instance.getId(), ZoneAccessProcess.VAR_REQUESTED_ARTICLE_ID);
				return new JourneyRef(zoneKey, asLong(article).orElse(null));
			});
	}

	private static Optional<Long> asLong(Object value) {
		return (value instanceof Number number) ? Optional.of(number.longValue()) : Optional.empty();
	}

	private Optional<ProcessInstance> activeJourney(String businessKey) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(ZoneAccessProcess.KEY)
			.processInstanceBusinessKey(businessKey)
			.list()
			.stream()
			.findFirst();
	}

	private Optional<String> lastEnd(String businessKey) {
		List<HistoricProcessInstance> ended = this.history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(ZoneAccessProcess.KEY)
			.processInstanceBusinessKey(businessKey)
			.finished()
			.orderByProcessInstanceEndTime()
			.desc()
			.listPage(0, 1);
		// a journey deleted by staff (Cockpit) may have no end activity: then it is as if none ran
		return ended.stream().map(HistoricProcessInstance::getEndActivityId).filter(java.util.Objects::nonNull).findFirst();
	}

}
