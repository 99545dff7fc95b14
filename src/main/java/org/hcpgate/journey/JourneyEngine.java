package org.hcpgate.journey;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.hcpgate.journey.JourneyStep.Kind;
import org.hcpgate.processes.FormSteps;
import org.hcpgate.processes.HcpVerificationProcess;
import org.hcpgate.processes.ZoneAccessProcess;
import org.hcpgate.readers.ReaderAccountRepository;
import org.hcpgate.verification.ZoneAccessService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reader side's one door to the engine: starts journeys, answers which step is
 * active, completes and correlates, and erases a reader's instances. Nothing of the
 * engine leaves it: steps come back as {@link JourneyStep} and {@link ReaderTask}, and a
 * task that another request completed first as {@link StepNotActiveException}.
 * <p>
 * Bean {@code journeyEngine} is also called by {@code processes/zone-access.bpmn}
 * ({@code isVerificationRunning}); {@code verificationService}, its name until the
 * packages were laid out by concept, stays an alias for instances deployed with it (see
 * docs/process-contract.md).
 */
@Service(JourneyEngine.BEAN)
public class JourneyEngine {

	static final String BEAN = "journeyEngine";

	/** The bean's former name, still named by models that running instances follow. */
	static final String FORMER_BEAN = "verificationService";

	static final String ERASURE_REASON = "reader's personal data erased";

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final HistoryService history;

	private final FormService forms;

	private final ReaderAccountRepository accounts;

	private final ZoneAccessService zoneAccess;

	JourneyEngine(RuntimeService runtime, TaskService tasks, HistoryService history, FormService forms,
			ReaderAccountRepository accounts, ZoneAccessService zoneAccess) {
		this.forms = forms;
		this.runtime = runtime;
		this.tasks = tasks;
		this.history = history;
		this.accounts = accounts;
		this.zoneAccess = zoneAccess;
	}

	/**
	 * What the reader should see now for this zone: the zone-access read model first (a
	 * let-in reader costs one query), then the engine's runtime (the active journey, the
	 * reader's task, the staff's open tasks), and only when no journey runs, the history
	 * (how the last one ended).
	 */
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
		Optional<ReaderTask> readerTask = activeReaderTask(readerId, zoneKey);
		if (readerTask.isPresent()) {
			return new JourneyStep(Kind.READER_STEP, readerTask.get().step());
		}
		long openTasks = this.tasks.createTaskQuery().processInstanceBusinessKeyIn(businessKey, readerId).count();
		return JourneyStep.of((openTasks > 0) ? Kind.IN_REVIEW : Kind.PROCESSING);
	}

	/**
	 * Starts the reader's journey into a zone unless one is running. The reader's row
	 * lock serialises concurrent starts (two tabs, two nodes): one journey per reader and
	 * zone.
	 * @return whether a journey was started
	 */
	@Transactional
	public boolean startJourney(String readerId, String zoneKey) {
		lockReader(readerId);
		String businessKey = ZoneAccessProcess.businessKey(readerId, zoneKey);
		if (activeJourney(businessKey).isPresent() || this.zoneAccess.isGranted(readerId, zoneKey)) {
			return false;
		}
		this.runtime.createProcessInstanceByKey(ZoneAccessProcess.KEY)
			.businessKey(businessKey)
			.setVariable(ZoneAccessProcess.VAR_READER_ID, readerId)
			.setVariable(ZoneAccessProcess.VAR_ZONE_KEY, zoneKey)
			.execute();
		return true;
	}

	/**
	 * The reader's active task, which must be one of {@code taskKeys}; locks the reader's
	 * row first, so that one reader's steps run one at a time, across zones and nodes (a
	 * journey that reaches the verification sees a verification another journey just
	 * started). Must run in the caller's transaction, so what the caller saves commits
	 * with the move.
	 * @throws StepNotActiveException when no such task is active for this reader
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public ReaderTask requireReaderTask(String readerId, String zoneKey, String... taskKeys) {
		lockReader(readerId);
		return readerTasks(readerId, zoneKey).filter(task -> task.isOneOf(taskKeys))
			.findFirst()
			.orElseThrow(() -> new StepNotActiveException(String.join("|", taskKeys)));
	}

	/**
	 * Completes a task found by {@link #requireReaderTask}, in the caller's transaction.
	 * @throws StepNotActiveException when another request completed it first
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void complete(ReaderTask task, Map<String, Object> variables) {
		try {
			this.tasks.complete(task.id(), variables);
		}
		catch (OptimisticLockingException | NullValueException alreadyGone) {
			throw new StepNotActiveException(task.key(), alreadyGone);
		}
	}

	/**
	 * Whether the reader's HCP verification is running (from any zone's journey). Called
	 * by {@code processes/zone-access.bpmn} to join it instead of starting a second one.
	 */
	@Transactional(readOnly = true)
	public boolean isVerificationRunning(String readerId) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(HcpVerificationProcess.KEY)
			.processInstanceBusinessKey(readerId)
			.count() > 0;
	}

	/**
	 * Tells the zone journeys waiting for this reader's verification that it has ended.
	 */
	public void announceVerificationEnded(String readerId) {
		this.runtime.createMessageCorrelation(ZoneAccessProcess.MESSAGE_VERIFICATION_COMPLETED)
			.processInstanceVariableEquals(ZoneAccessProcess.VAR_READER_ID, readerId)
			.correlateAllWithResult();
	}

	/**
	 * The reader task to show for this zone: the zone journey's own step first, else the
	 * step of the reader's HCP verification (shared by every zone that waits for it).
	 */
	@Transactional(readOnly = true)
	public Optional<ReaderTask> activeReaderTask(String readerId, String zoneKey) {
		return readerTasks(readerId, zoneKey).findFirst();
	}

	/**
	 * Erases every instance of the reader, in every process: found by business key
	 * ({@code readerId} or {@code readerId:zoneKey}) or by variable {@code readerId}; the
	 * running ones are cancelled, and the history goes (variables, tasks, identity links,
	 * details, job logs, the operation log). Runs in the erasure's transaction.
	 * @return how many instances were erased
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int eraseReader(String readerId) {
		String zones = ZoneAccessProcess.businessKeysOf(readerId);
		Set<String> running = new LinkedHashSet<>();
		running.addAll(ids(this.runtime.createProcessInstanceQuery().processInstanceBusinessKey(readerId).list()));
		running.addAll(ids(this.runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike(zones).list()));
		running.addAll(ids(this.runtime.createProcessInstanceQuery()
			.variableValueEquals(ZoneAccessProcess.VAR_READER_ID, readerId)
			.list()));
		cancel(running);

		Set<String> ended = new LinkedHashSet<>(running);
		ended.addAll(historicIds(
				this.history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(readerId).list()));
		ended.addAll(historicIds(
				this.history.createHistoricProcessInstanceQuery().processInstanceBusinessKeyLike(zones).list()));
		ended.addAll(historicIds(this.history.createHistoricProcessInstanceQuery()
			.variableValueEquals(ZoneAccessProcess.VAR_READER_ID, readerId)
			.list()));
		return deleteHistory(ended);
	}

	/**
	 * Erases the reader's journeys into one zone, and a verification such a journey is
	 * still waiting for (cancelled with it). A finished verification stays: other zones
	 * rest on it.
	 * @return how many instances were erased
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int eraseZone(String readerId, String zoneKey) {
		String businessKey = ZoneAccessProcess.businessKey(readerId, zoneKey);
		Set<String> running = ids(
				this.runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list());
		Set<String> called = new LinkedHashSet<>();
		for (String journey : running) {
			called.addAll(ids(this.runtime.createProcessInstanceQuery().superProcessInstanceId(journey).list()));
		}
		cancel(running);
		Set<String> ended = new LinkedHashSet<>(running);
		ended.addAll(called);
		ended.addAll(historicIds(
				this.history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()));
		return deleteHistory(ended);
	}

	private void lockReader(String readerId) {
		this.accounts.lockById(Long.parseLong(readerId));
	}

	private Stream<ReaderTask> readerTasks(String readerId, String zoneKey) {
		return Stream.of(ZoneAccessProcess.businessKey(readerId, zoneKey), readerId)
			.flatMap(businessKey -> this.tasks.createTaskQuery()
				.taskAssignee(readerId)
				.processInstanceBusinessKey(businessKey)
				.initializeFormKeys()
				.orderByTaskCreateTime()
				.asc()
				.list()
				.stream())
			.map(JourneyEngine::readerTask)
			.filter(Objects::nonNull);
	}

	private static ReaderTask readerTask(Task task) {
		String step = ZoneAccessProcess.siteStepOf(task.getFormKey());
		if (step == null && (task.getCamundaFormRef() != null
				|| (task.getFormKey() != null && task.getFormKey().startsWith(FormSteps.CAMUNDA_FORMS_KEY_PREFIX)))) {
			step = FormSteps.stepOf(task.getTaskDefinitionKey());
		}
		return (step != null)
				? new ReaderTask(task.getId(), task.getProcessInstanceId(), task.getTaskDefinitionKey(), step) : null;
	}

	/**
	 * The Camunda Form of a reader task whose step is a form step, as deployed with its
	 * process (the task's own binding: deployment, latest or version).
	 */
	@Transactional(readOnly = true)
	public byte[] formOf(ReaderTask task) {
		try (InputStream form = this.forms.getDeployedTaskForm(task.id())) {
			return form.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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
		// a journey deleted by staff (Cockpit) may have no end activity: then it is as if
		// none ran
		return ended.stream().map(HistoricProcessInstance::getEndActivityId).filter(Objects::nonNull).findFirst();
	}

	private void cancel(Set<String> running) {
		if (!running.isEmpty()) {
			// skip listeners: nothing may notify or record on behalf of an erased reader
			this.runtime.deleteProcessInstancesIfExists(List.copyOf(running), ERASURE_REASON, true, true, false);
		}
	}

	private int deleteHistory(Set<String> instances) {
		if (!instances.isEmpty()) {
			this.history.deleteHistoricProcessInstancesIfExists(List.copyOf(instances));
		}
		return instances.size();
	}

	private static Set<String> ids(List<ProcessInstance> instances) {
		Set<String> ids = new LinkedHashSet<>();
		instances.forEach(instance -> ids.add(instance.getId()));
		return ids;
	}

	private static Set<String> historicIds(List<HistoricProcessInstance> instances) {
		Set<String> ids = new LinkedHashSet<>();
		instances.forEach(instance -> ids.add(instance.getId()));
		return ids;
	}

}
