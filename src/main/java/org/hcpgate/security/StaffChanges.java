package org.hcpgate.security;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.ConditionEvaluationBuilderImpl;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceModificationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.SignalEventReceivedBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractInstantiationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateMigrationPlanCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskFailureCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskOwnerCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.migration.AbstractMigrationCmd;
import org.camunda.bpm.engine.impl.migration.MigrationPlanBuilderImpl;
import org.camunda.bpm.engine.impl.migration.MigrationPlanExecutionBuilderImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.hcpgate.processes.CodedMessage;
import org.hcpgate.processes.CodedRefusal;
import org.hcpgate.processes.StaffGroups;
import org.hcpgate.processes.VariableWriters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.ReflectionUtils;

/**
 * What staff may change in the engine, on every path alike (REST, Tasklist, Cockpit, the
 * Java API), because it sits in the engine's command chain:
 * <ul>
 * <li>a task's variables only through the fields of the task's own Camunda Form
 * (completion, {@code submit-form}, task variables and local variables): the identity and
 * routing facts ({@code readerId}, {@code attempt}, {@code submissionId},
 * {@code answerSetId}, {@code reviewedBy}, {@code zoneKey}) are written only by the
 * process and the site;</li>
 * <li>no variable of an execution or process instance, and none carried by a
 * message;</li>
 * <li>no task ended without a decision: {@code resolve}, a BPMN error or an escalation on
 * a task are refused;</li>
 * <li>a reviewer takes no colleague's claimed task, and claims for themselves only: only
 * leads reassign, and only to staff members (logged, and kept in Camunda's user operation
 * log);</li>
 * <li>no variable on a process start beyond what the contract lists for staff, none on a
 * signal, a modification or the engine's other doors.</li>
 * </ul>
 * The site and the job executor run without an authenticated engine user, and what a
 * delegate or listener does inside a staff member's command is the process's own: neither
 * is checked. Administrators ({@code camunda-admin}) deploy the models and are not held
 * either. A refusal is a {@link BadUserRequestException} (REST: 400) with a coded
 * message, thrown before the command runs: nothing changes.
 */
class StaffChanges extends CommandInterceptor {

	private static final Logger log = LoggerFactory.getLogger(StaffChanges.class);

	static final String NOT_IN_FORM = "variable-not-in-form";

	static final String NO_PROCESS_VARIABLES = "process-variables-refused";

	static final String NO_DECISION = "task-end-without-decision";

	/** A staff password that Camunda's password policy refuses (any caller). */
	static final String PASSWORD_POLICY = "password-policy";

	/** What {@code SaveUserCmd} says when the policy refuses a password. */
	static final String CAMUNDA_POLICY_MESSAGE = "Password does not match policy";

	static final String CLAIMED_BY_COLLEAGUE = "task-claimed-by-colleague";

	/** A reviewer claims a task for themselves only. */
	static final String ONLY_FOR_SELF = "claim-for-self-only";

	/** A lead gives a task to a staff member only. */
	static final String NOT_STAFF = "assignee-not-staff";

	private static final Field TASK_ID = field(CompleteTaskCmd.class, "taskId");

	private static final Field FORM_TASK_ID = field(SubmitTaskFormCmd.class, "taskId");

	private static final Field COMPLETE_VARIABLES = field(CompleteTaskCmd.class, "variables");

	private static final Field FORM_PROPERTIES = field(SubmitTaskFormCmd.class, "properties");

	private static final Field ENTITY_ID = field(AbstractVariableCmd.class, "entityId");

	private static final Field SET_VARIABLES = field(AbstractSetVariableCmd.class, "variables");

	private static final Field REMOVED_VARIABLES = field(AbstractRemoveVariableCmd.class, "variableNames");

	private static final Field PATCH_ENTITY_ID = field(AbstractPatchVariablesCmd.class, "entityId");

	private static final Field PATCH_VARIABLES = field(AbstractPatchVariablesCmd.class, "variables");

	private static final Field PATCH_DELETIONS = field(AbstractPatchVariablesCmd.class, "deletions");

	private static final Field MESSAGE_BUILDER = field(AbstractCorrelateMessageCmd.class, "builder");

	private static final Field CLAIM_TASK_ID = field(ClaimTaskCmd.class, "taskId");

	private static final Field CLAIM_USER_ID = field(ClaimTaskCmd.class, "userId");

	private static final Field LINK_TASK_ID = field(org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd.class,
			"taskId");

	private static final Field LINK_USER_ID = field(AbstractAddIdentityLinkCmd.class, "userId");

	private static final Field DELEGATE_TASK_ID = field(DelegateTaskCmd.class, "taskId");

	private static final Field DELEGATE_USER_ID = field(DelegateTaskCmd.class, "userId");

	private static final Field START_BUILDER = field(StartProcessInstanceCmd.class, "instantiationBuilder");

	private static final Field START_AT_BUILDER = field(StartProcessInstanceAtActivitiesCmd.class,
			"instantiationBuilder");

	private static final Field START_FORM_DEFINITION = field(SubmitStartFormCmd.class, "processDefinitionId");

	private static final Field START_FORM_VARIABLES = field(SubmitStartFormCmd.class, "variables");

	private static final Field MODIFY_BUILDER = field(ModifyProcessInstanceCmd.class, "builder");

	private static final Field MODIFY_ASYNC_BUILDER = field(ModifyProcessInstanceAsyncCmd.class, "builder");

	private static final Field SIGNAL_BUILDER = field(SignalEventReceivedCmd.class, "builder");

	private static final Field CONDITION_BUILDER = field(EvaluateStartConditionCmd.class, "builder");

	private static final Field MIGRATION_BUILDER = field(CreateMigrationPlanCmd.class, "migrationBuilder");

	private static final Field MIGRATION_EXECUTION = field(AbstractMigrationCmd.class, "executionBuilder");

	private static final Field EVENT_MESSAGE_NAME = field(MessageEventReceivedCmd.class, "messageName");

	private static final Field BATCH_MESSAGE_NAME = field(CorrelateAllMessageBatchCmd.class, "messageName");

	/**
	 * Commands that carry variables in fields of their own, which staff may not send: the
	 * variables' fields by command.
	 */
	private static final Map<Class<?>, List<Field>> VARIABLE_FIELDS = Map.of(SignalCmd.class,
			List.of(field(SignalCmd.class, "processVariables")), MessageEventReceivedCmd.class,
			List.of(field(MessageEventReceivedCmd.class, "processVariables"),
					field(MessageEventReceivedCmd.class, "processVariablesLocal"),
					field(MessageEventReceivedCmd.class, "processVariablesToTriggeredScope")),
			SetVariablesToProcessInstancesBatchCmd.class,
			List.of(field(SetVariablesToProcessInstancesBatchCmd.class, "variables")),
			CorrelateAllMessageBatchCmd.class, List.of(field(CorrelateAllMessageBatchCmd.class, "variables")),
			CompleteExternalTaskCmd.class,
			List.of(field(CompleteExternalTaskCmd.class, "variables"),
					field(CompleteExternalTaskCmd.class, "localVariables")),
			HandleExternalTaskBpmnErrorCmd.class, List.of(field(HandleExternalTaskBpmnErrorCmd.class, "variables")),
			HandleExternalTaskFailureCmd.class, List.of(field(HandleExternalTaskFailureCmd.class, "variables"),
					field(HandleExternalTaskFailureCmd.class, "localVariables")));

	private final ProcessEngineConfigurationImpl configuration;

	private final ObjectMapper json = new ObjectMapper();

	/**
	 * The fields of the form of a task definition, per process definition: a deployment
	 * never changes.
	 */
	private final Map<String, Set<String>> formFields = new ConcurrentHashMap<>();

	/**
	 * How deep this thread is in the command chain: only the outermost command is a
	 * person's.
	 */
	private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

	StaffChanges(ProcessEngineConfigurationImpl configuration) {
		this.configuration = configuration;
	}

	@Override
	public <T> T execute(Command<T> command) {
		int[] level = this.depth.get();
		level[0]++;
		try {
			if (level[0] == 1) {
				Authentication staff = this.configuration.getIdentityService().getCurrentAuthentication();
				if (staff != null && staff.getUserId() != null && !in(staff, Groups.CAMUNDA_ADMIN)) {
					check(command, staff);
				}
			}
			return this.next.execute(command);
		}
		catch (ProcessEngineException failed) {
			// Camunda answers a refused password with a bare 500; it is the person's
			// mistake, said so with a code and the rules
			if (level[0] == 1 && command instanceof SaveUserCmd && CAMUNDA_POLICY_MESSAGE.equals(failed.getMessage())) {
				throw refused(PASSWORD_POLICY);
			}
			throw failed;
		}
		finally {
			level[0]--;
			if (level[0] == 0) {
				this.depth.remove();
			}
		}
	}

	private void check(Command<?> command, Authentication staff) {
		if (command instanceof ResolveTaskCmd || command instanceof HandleTaskBpmnErrorCmd
				|| command instanceof HandleTaskEscalationCmd) {
			throw refused(NO_DECISION);
		}
		if (command instanceof CompleteTaskCmd) {
			onlyFormFields((String) get(TASK_ID, command), keys(get(COMPLETE_VARIABLES, command)));
		}
		else if (command instanceof SubmitTaskFormCmd) {
			onlyFormFields((String) get(FORM_TASK_ID, command), keys(get(FORM_PROPERTIES, command)));
		}
		else if (command instanceof SetTaskVariablesCmd) {
			onlyFormFields((String) get(ENTITY_ID, command), keys(get(SET_VARIABLES, command)));
		}
		else if (command instanceof RemoveTaskVariablesCmd) {
			onlyFormFields((String) get(ENTITY_ID, command), names(get(REMOVED_VARIABLES, command)));
		}
		else if (command instanceof PatchTaskVariablesCmd) {
			Set<String> names = keys(get(PATCH_VARIABLES, command));
			names.addAll(names(get(PATCH_DELETIONS, command)));
			onlyFormFields((String) get(PATCH_ENTITY_ID, command), names);
		}
		else if (command instanceof StartProcessInstanceCmd || command instanceof StartProcessInstanceAtActivitiesCmd) {
			ProcessInstantiationBuilderImpl builder = (ProcessInstantiationBuilderImpl) get(
					(command instanceof StartProcessInstanceCmd) ? START_BUILDER : START_AT_BUILDER, command);
			Set<String> sent = keys(builder.getVariables());
			sent.addAll(instantiationVariables(builder.getModificationBuilder()));
			onlyStartVariables(builder.getProcessDefinitionKey(), builder.getProcessDefinitionId(), sent);
		}
		else if (command instanceof SubmitStartFormCmd) {
			onlyStartVariables(null, (String) get(START_FORM_DEFINITION, command),
					keys(get(START_FORM_VARIABLES, command)));
		}
		else if (command instanceof ModifyProcessInstanceCmd || command instanceof ModifyProcessInstanceAsyncCmd) {
			Object builder = get((command instanceof ModifyProcessInstanceCmd) ? MODIFY_BUILDER : MODIFY_ASYNC_BUILDER,
					command);
			noVariables(instantiationVariables((ProcessInstanceModificationBuilderImpl) builder));
		}
		else if (command instanceof SignalEventReceivedCmd) {
			noVariables(keys(((SignalEventReceivedBuilderImpl) get(SIGNAL_BUILDER, command)).getVariables()));
		}
		else if (command instanceof EvaluateStartConditionCmd) {
			noVariables(keys(((ConditionEvaluationBuilderImpl) get(CONDITION_BUILDER, command)).getVariables()));
		}
		else if (command instanceof CreateMigrationPlanCmd) {
			noVariables(keys(((MigrationPlanBuilderImpl) get(MIGRATION_BUILDER, command)).getVariables()));
		}
		else if (command instanceof AbstractMigrationCmd) {
			noVariables(keys(((MigrationPlanExecutionBuilderImpl) get(MIGRATION_EXECUTION, command)).getMigrationPlan()
				.getVariables()));
		}
		else if (command instanceof MessageEventReceivedCmd || command instanceof CorrelateAllMessageBatchCmd) {
			String message = (String) get(
					(command instanceof MessageEventReceivedCmd) ? EVENT_MESSAGE_NAME : BATCH_MESSAGE_NAME, command);
			onlyMessageVariables(message, carried(command));
		}
		else if (VARIABLE_FIELDS.containsKey(command.getClass())) {
			noVariables(carried(command));
		}
		else if (command instanceof AbstractVariableCmd || command instanceof AbstractPatchVariablesCmd) {
			// executions and process instances: their variables are the process's
			throw refused(NO_PROCESS_VARIABLES);
		}
		else if (command instanceof AbstractCorrelateMessageCmd) {
			MessageCorrelationBuilderImpl builder = (MessageCorrelationBuilderImpl) get(MESSAGE_BUILDER, command);
			Set<String> sent = keys(builder.getPayloadProcessInstanceVariables());
			sent.addAll(keys(builder.getPayloadProcessInstanceVariablesLocal()));
			sent.addAll(keys(builder.getPayloadProcessInstanceVariablesToTriggeredScope()));
			onlyMessageVariables(builder.getMessageName(), sent);
		}
		else if (command instanceof ClaimTaskCmd) {
			String userId = (String) get(CLAIM_USER_ID, command);
			if (userId == null) {
				onlyOwnOrFree(staff, (String) get(CLAIM_TASK_ID, command), null);
			}
			else {
				onlyForSelfOrStaff(staff, (String) get(CLAIM_TASK_ID, command), userId);
			}
		}
		else if (command instanceof AssignTaskCmd || command instanceof SetTaskOwnerCmd) {
			onlyOwnOrFree(staff, (String) get(LINK_TASK_ID, command), (String) get(LINK_USER_ID, command));
		}
		else if (command instanceof DelegateTaskCmd) {
			onlyOwnOrFree(staff, (String) get(DELEGATE_TASK_ID, command), (String) get(DELEGATE_USER_ID, command));
		}
	}

	/** A message takes from staff only what the contract lists for it. */
	private static void onlyMessageVariables(String message, Set<String> sent) {
		if (!VariableWriters.STAFF_MESSAGES.getOrDefault(message, Set.of()).containsAll(sent)) {
			throw refused(NO_PROCESS_VARIABLES);
		}
	}

	/**
	 * A process starts with only the variables the contract lists for staff; the process,
	 * its listeners and the site write the rest, and the reader is the business key.
	 */
	private void onlyStartVariables(String key, String definitionId, Set<String> sent) {
		if (sent.isEmpty()) {
			return;
		}
		String processKey = (key != null) ? key : keyOf(definitionId);
		if (!VariableWriters.STAFF_STARTS.getOrDefault(processKey, Set.of()).containsAll(sent)) {
			throw refused(NO_PROCESS_VARIABLES);
		}
	}

	private String keyOf(String definitionId) {
		if (definitionId == null) {
			return null;
		}
		return this.next.execute(context -> {
			try {
				return context.getProcessEngineConfiguration()
					.getDeploymentCache()
					.findDeployedProcessDefinitionById(definitionId)
					.getKey();
			}
			catch (ProcessEngineException unknown) {
				// no such definition: the command itself says so
				return null;
			}
		});
	}

	private static void noVariables(Set<String> sent) {
		if (!sent.isEmpty()) {
			throw refused(NO_PROCESS_VARIABLES);
		}
	}

	/** The variables of the instantiations of a start or a modification. */
	private static Set<String> instantiationVariables(ProcessInstanceModificationBuilderImpl builder) {
		Set<String> sent = new LinkedHashSet<>();
		if (builder == null) {
			return sent;
		}
		sent.addAll(keys(builder.getProcessVariables()));
		builder.getModificationOperations().forEach(operation -> {
			if (operation instanceof AbstractInstantiationCmd instantiation) {
				sent.addAll(keys(instantiation.getVariables()));
				sent.addAll(keys(instantiation.getVariablesLocal()));
			}
		});
		return sent;
	}

	private static Set<String> carried(Command<?> command) {
		Set<String> sent = new LinkedHashSet<>();
		VARIABLE_FIELDS.getOrDefault(command.getClass(), List.of())
			.forEach(variables -> sent.addAll(keys(get(variables, command))));
		return sent;
	}

	/**
	 * Every name must be a field of the task's form and none of the process's own
	 * variables; a task without a form takes none.
	 */
	private void onlyFormFields(String taskId, Set<String> names) {
		if (names.isEmpty() || taskId == null) {
			return;
		}
		Set<String> allowed = formFieldsOf(taskId);
		if (allowed == null) {
			// no such task: the command itself says so
			return;
		}
		// the process's own variables are never the form's, whatever the deployed form
		// says
		Set<String> writable = new TreeSet<>(allowed);
		writable.removeIf(VariableWriters::isProcessOwned);
		Set<String> foreign = new TreeSet<>(names);
		foreign.removeAll(writable);
		if (!foreign.isEmpty()) {
			throw refused(NOT_IN_FORM, String.join(", ", foreign), String.join(", ", writable));
		}
	}

	/**
	 * A claim names its claimer: a reviewer claims for themselves only (a claim for
	 * someone else would park the task, or hand a reader a review); a lead may give the
	 * task to any staff member.
	 */
	private void onlyForSelfOrStaff(Authentication staff, String taskId, String userId) {
		if (in(staff, StaffGroups.REVIEW_LEADS)) {
			onlyOwnOrFree(staff, taskId, userId);
		}
		else if (!userId.equals(staff.getUserId())) {
			throw refused(ONLY_FOR_SELF, userId);
		}
	}

	/**
	 * A reviewer changes who holds a task only while it is free or their own, and only to
	 * themselves or to no one; leads reassign, to staff members only.
	 */
	private void onlyOwnOrFree(Authentication staff, String taskId, String newAssignee) {
		if (in(staff, StaffGroups.REVIEW_LEADS)) {
			if (newAssignee != null && !newAssignee.equals(staff.getUserId()) && !isStaff(newAssignee)) {
				throw refused(NOT_STAFF, newAssignee);
			}
			log.info("Lead {} reassigns task {} to {}", staff.getUserId(), taskId, newAssignee);
			return;
		}
		String assignee = this.next.execute(context -> {
			TaskEntity task = context.getTaskManager().findTaskById(taskId);
			return (task != null) ? task.getAssignee() : null;
		});
		boolean heldByColleague = assignee != null && !assignee.equals(staff.getUserId());
		boolean toColleague = newAssignee != null && !newAssignee.equals(staff.getUserId());
		if (heldByColleague || toColleague) {
			throw refused(CLAIMED_BY_COLLEAGUE, (assignee != null) ? assignee : newAssignee);
		}
	}

	/** Whether the user is a member of a staff group (readers are in none). */
	private boolean isStaff(String userId) {
		return this.next.execute(context -> context.runWithoutAuthorization(() -> context.getReadOnlyIdentityProvider()
			.createGroupQuery(context)
			.groupMember(userId)
			.list()
			.stream()
			.anyMatch(group -> StaffGroups.ALL.contains(group.getId()))));
	}

	/**
	 * The fields the task's form owns; none for a task without a form, null for no such
	 * task.
	 */
	private Set<String> formFieldsOf(String taskId) {
		return this.next.execute(context -> {
			TaskEntity task = context.getTaskManager().findTaskById(taskId);
			if (task == null) {
				return null;
			}
			String definition = task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey();
			Set<String> known = this.formFields.get(definition);
			if (known != null) {
				return known;
			}
			// the form itself is no secret of the task: read it whoever asks
			Set<String> fields = context.runWithoutAuthorization(() -> deployedFormFields(taskId));
			if (fields != null) {
				this.formFields.put(definition, fields);
				return fields;
			}
			return Set.<String>of();
		});
	}

	/**
	 * The keys of the input fields of the task's deployed Camunda Form; null without one.
	 */
	private Set<String> deployedFormFields(String taskId) {
		try (InputStream form = this.configuration.getFormService().getDeployedTaskForm(taskId)) {
			Set<String> keys = new LinkedHashSet<>();
			collectKeys(this.json.readTree(form), keys);
			return Set.copyOf(keys);
		}
		catch (ProcessEngineException | IOException noForm) {
			return null;
		}
	}

	private static void collectKeys(JsonNode node, Set<String> keys) {
		for (JsonNode component : node.path("components")) {
			if (component.hasNonNull("key")) {
				keys.add(component.get("key").asText());
			}
			collectKeys(component, keys);
		}
	}

	private static boolean in(Authentication staff, String group) {
		List<String> groups = staff.getGroupIds();
		return groups != null && groups.contains(group);
	}

	private static Set<String> keys(Object variables) {
		return (variables instanceof Map<?, ?> map) ? new LinkedHashSet<>(names(map.keySet())) : new LinkedHashSet<>();
	}

	private static Set<String> names(Object names) {
		Set<String> result = new LinkedHashSet<>();
		if (names instanceof Collection<?> collection) {
			collection.forEach(name -> result.add(String.valueOf(name)));
		}
		return result;
	}

	static StaffChangeRefused refused(String code, Object... arguments) {
		return new StaffChangeRefused(code, arguments);
	}

	/** A refused staff change: 400, or 409 for a colleague's task. */
	static final class StaffChangeRefused extends BadUserRequestException implements CodedRefusal {

		private static final long serialVersionUID = 1L;

		private final String code;

		StaffChangeRefused(String code, Object... arguments) {
			super(CodedMessage.of(code, "engine.refused." + code, arguments));
			this.code = code;
		}

		@Override
		public String code() {
			return this.code;
		}

		@Override
		public int httpStatus() {
			return CLAIMED_BY_COLLEAGUE.equals(this.code) ? CONFLICT
					: ONLY_FOR_SELF.equals(this.code) ? FORBIDDEN : BAD_REQUEST;
		}

	}

	private static Object get(Field field, Object target) {
		return ReflectionUtils.getField(field, target);
	}

	private static Field field(Class<?> type, String name) {
		Field field = ReflectionUtils.findField(type, name);
		if (field == null) {
			throw new IllegalStateException("Camunda changed: no field " + name + " in " + type.getName());
		}
		ReflectionUtils.makeAccessible(field);
		return field;
	}

}
