package org.hcpgate.review;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.hcpgate.processes.HcpVerificationProcess;
import org.hcpgate.processes.StaffGroups;
import org.hcpgate.processes.StaffTasks;
import org.hcpgate.processes.ZoneAccessProcess;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff side's door to the engine for what is not a listener or a delegate: the
 * review queue's counts, an overdue review's escalation, and where a decision should lead
 * the reader back to. Nothing of the engine leaves it.
 */
@Component
public class ReviewEngine {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final TaskService tasks;

	private final RepositoryService repository;

	private final HistoryService history;

	private final RuntimeService runtime;

	ReviewEngine(TaskService tasks, HistoryService history, RuntimeService runtime, RepositoryService repository) {
		this.repository = repository;
		this.tasks = tasks;
		this.history = history;
		this.runtime = runtime;
	}

	/** The engine's clock: moved by process tests, the real time otherwise. */
	public Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	/**
	 * Open staff tasks now, by task key (in the models' order), and how many are past
	 * due.
	 */
	@Transactional(readOnly = true)
	public Backlog backlog() {
		Map<String, Long> open = new LinkedHashMap<>();
		for (String taskKey : StaffTasks.KEYS) {
			open.put(taskKey, this.tasks.createTaskQuery().taskDefinitionKey(taskKey).count());
		}
		long overdue = this.tasks.createTaskQuery()
			.taskDefinitionKeyIn(StaffTasks.KEYS.toArray(String[]::new))
			.dueBefore(ClockUtil.getCurrentTime())
			.count();
		return new Backlog(open, overdue);
	}

	/**
	 * Staff tasks that were open at a moment of the past, from Camunda's task history.
	 */
	@Transactional(readOnly = true)
	public long openAt(Instant moment) {
		String[] keys = StaffTasks.KEYS.toArray(String[]::new);
		Date end = Date.from(moment);
		long stillOpen = this.history.createHistoricTaskInstanceQuery()
			.taskDefinitionKeyIn(keys)
			.startedBefore(end)
			.unfinished()
			.count();
		long finishedLater = this.history.createHistoricTaskInstanceQuery()
			.taskDefinitionKeyIn(keys)
			.startedBefore(end)
			.finishedAfter(end)
			.count();
		return stillOpen + finishedLater;
	}

	/**
	 * Whether a staff task of the instance is open to this staff member: assigned to
	 * them, or unclaimed with one of their groups as a candidate.
	 */
	@Transactional(readOnly = true)
	public boolean hasTaskOpenTo(String processInstanceId, String userId, Collection<String> groups) {
		if (this.tasks.createTaskQuery().processInstanceId(processInstanceId).taskAssignee(userId).count() > 0) {
			return true;
		}
		return !groups.isEmpty() && this.tasks.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskCandidateGroupIn(List.copyOf(groups))
			.count() > 0;
	}

	/**
	 * The reader's running instances: the verification (business key = reader) and the
	 * zone journeys ({@code reader:zone}). A staff task on any of them is a need to know
	 * the reader's answers to a form step.
	 */
	@Transactional(readOnly = true)
	public List<String> runningInstancesOf(String readerId) {
		List<String> ids = new ArrayList<>();
		this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(readerId)
			.list()
			.forEach(instance -> ids.add(instance.getId()));
		this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKeyLike(ZoneAccessProcess.businessKeysOf(readerId))
			.list()
			.forEach(instance -> ids.add(instance.getId()));
		return ids;
	}

	/**
	 * A Camunda Form as deployed with the process an instance follows (running or ended):
	 * the form a reader answered, to label the answers for staff.
	 */
	@Transactional(readOnly = true)
	public Optional<byte[]> deployedForm(String processInstanceId, String formId) {
		HistoricProcessInstance instance = this.history.createHistoricProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.singleResult();
		if (instance == null) {
			return Optional.empty();
		}
		String deploymentId = this.repository.getProcessDefinition(instance.getProcessDefinitionId()).getDeploymentId();
		for (Resource resource : this.repository.getDeploymentResources(deploymentId)) {
			if (resource.getName().endsWith(".form")) {
				byte[] bytes = resource.getBytes();
				if (formId.equals(formIdOf(bytes))) {
					return Optional.of(bytes);
				}
			}
		}
		return Optional.empty();
	}

	private static String formIdOf(byte[] form) {
		try {
			return JSON.readTree(form).path("id").asText(null);
		}
		catch (IOException notAForm) {
			return null;
		}
	}

	/**
	 * A review that waits too long goes to the review leads as well, and is marked
	 * overdue; it stays open for the reviewers. Adding the group twice adds it once.
	 */
	@Transactional
	void escalate(String processInstanceId) {
		List<Task> open = this.tasks.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(HcpVerificationProcess.TASK_REVIEW_CREDENTIALS)
			.list();
		for (Task task : open) {
			boolean escalated = this.tasks.getIdentityLinksForTask(task.getId())
				.stream()
				.anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType())
						&& StaffGroups.REVIEW_LEADS.equals(link.getGroupId()));
			if (!escalated) {
				this.tasks.addCandidateGroup(task.getId(), StaffGroups.REVIEW_LEADS);
			}
			// listed by the Tasklist filter 超时 (a stored filter cannot compare with
			// "now")
			this.tasks.setVariableLocal(task.getId(), HcpVerificationProcess.VAR_OVERDUE, Boolean.TRUE);
		}
	}

	/**
	 * The zone of the reader's most recently started journey that is still running: where
	 * a message about the reader's (platform-wide) verification should lead back to.
	 */
	@Transactional(readOnly = true)
	/**
	 * Who started an instance (the engine's authenticated user then, from Camunda's
	 * history); empty when the engine knew no one.
	 */
	Optional<String> startedBy(String processInstanceId) {
		HistoricProcessInstance instance = this.history.createHistoricProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.singleResult();
		return Optional.ofNullable((instance != null) ? instance.getStartUserId() : null);
	}

	Optional<String> zoneOfLatestRunningJourney(String readerId) {
		return this.history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(ZoneAccessProcess.KEY)
			.processInstanceBusinessKeyLike(ZoneAccessProcess.businessKeysOf(readerId))
			.unfinished()
			.orderByProcessInstanceStartTime()
			.desc()
			.listPage(0, 1)
			.stream()
			.findFirst()
			.map(instance -> ZoneAccessProcess.zoneKeyOf(instance.getBusinessKey()));
	}

	/** Open staff tasks by task key, and how many are past due. */
	public record Backlog(Map<String, Long> open, long overdue) {

		long total() {
			return this.open.values().stream().mapToLong(Long::longValue).sum();
		}

	}

}
