package org.hcpgate.models;

import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.camunda.bpm.engine.impl.cmmn.deployer.CmmnDeployer;
import org.camunda.bpm.engine.impl.dmn.deployer.DecisionDefinitionDeployer;
import org.camunda.bpm.engine.impl.form.deployer.CamundaFormDefinitionDeployer;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaScript;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.hcpgate.forms.ReaderForm;
import org.hcpgate.forms.ReaderForms;
import org.hcpgate.forms.UnsupportedFormException;
import org.hcpgate.processes.FormSteps;
import org.hcpgate.processes.VariableWriters;
import org.hcpgate.processes.ZoneAccessProcess;

/**
 * Checks a set of model files as one deployment: BPMN, Camunda Forms and DMN together, as
 * Camunda deploys them. Every rule of docs/designing-processes.md, "What the validation
 * says", is here; each problem names the file, the element and what to do.
 */
public final class ModelCheck {

	static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

	/** A reader task is assigned to the reader. */
	static final String READER_ASSIGNEE = "${" + ZoneAccessProcess.VAR_READER_ID + "}";

	/** Names an expression may use that are neither beans nor process variables. */
	static final Set<String> EXPRESSION_NAMES = Set.of("execution", "task", "true", "false", "null", "empty", "not",
			"and", "or", "eq", "ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof", "authenticatedUserId",
			"currentUser", "currentUserGroups", "now", "dateTime");

	static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);

	static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");

	static final Pattern NAME = Pattern.compile("(?<![.\\w])([A-Za-z_][A-Za-z0-9_]*)");

	static final Pattern DELEGATE = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");

	static final Pattern GENERATED_END_ID = Pattern.compile("(EndEvent|Event)_[0-9A-Za-z]+");

	private static final ObjectMapper JSON = new ObjectMapper();

	private final ModelContext context;

	private final List<ModelProblem> problems = new ArrayList<>();

	/** Forms of the deployment by their id. */
	private final Map<String, byte[]> forms = new HashMap<>();

	/** The files of the deployment's forms by form id. */
	private final Map<String, String> formFiles = new LinkedHashMap<>();

	/** DMN decisions of the deployment by key, with their output entries. */
	private final Map<String, Decision> decisions = new HashMap<>();

	/**
	 * Variables written into a called process: the call activities' {@code in} targets.
	 */
	private final Map<String, Set<String>> calledWith = new HashMap<>();

	private ModelCheck(ModelContext context) {
		this.context = context;
	}

	/**
	 * @param resources the deployment's files by name, as Camunda deploys them
	 * @return what must change; empty when the deployment may run
	 */
	public static List<ModelProblem> check(Map<String, byte[]> resources, ModelContext context) {
		ModelCheck check = new ModelCheck(context);
		check.run(new TreeMap<>(resources));
		return List.copyOf(check.problems);
	}

	private void run(Map<String, byte[]> resources) {
		Map<String, BpmnModelInstance> models = new LinkedHashMap<>();
		resources.forEach((name, bytes) -> {
			// as Camunda's deployers pick their files: by the end of the name, dot or not
			if (parsedAs(name, CmmnDeployer.CMMN_RESOURCE_SUFFIXES)) {
				problem(name, null, "HCP Gate runs no CMMN cases: model the flow in BPMN (processes/*.bpmn)");
			}
			else if (parsedAs(name, CamundaFormDefinitionDeployer.FORM_RESOURCE_SUFFIXES)) {
				readForm(name, bytes);
			}
			else if (parsedAs(name, DecisionDefinitionDeployer.DMN_RESOURCE_SUFFIXES)) {
				readDecisions(name, bytes);
			}
			else if (parsedAs(name, BpmnDeployer.BPMN_RESOURCE_SUFFIXES)) {
				try {
					models.put(name, Bpmn.readModelFromStream(new ByteArrayInputStream(bytes)));
				}
				catch (RuntimeException ex) {
					problem(name, null, "the BPMN does not parse: " + ex.getMessage());
				}
			}
		});
		models.values().forEach(model -> model.getModelElementsByType(CallActivity.class).forEach(call -> {
			Set<String> in = this.calledWith.computeIfAbsent(call.getCalledElement(), key -> new HashSet<>());
			in.add(ZoneAccessProcess.VAR_READER_ID);
			extensions(call, CamundaIn.class).forEach(mapping -> {
				if (mapping.getCamundaTarget() != null) {
					in.add(mapping.getCamundaTarget());
				}
			});
		}));
		models.forEach(this::checkModel);
		// a form deployed without its task (a model with binding latest or version) may
		// be
		// a staff form: none of its keys is the process's own
		Set<String> referenced = new HashSet<>();
		models.values()
			.forEach(model -> model.getModelElementsByType(UserTask.class)
				.forEach(task -> referenced.add(formRefOf(task))));
		this.formFiles.forEach((id, file) -> {
			if (!referenced.contains(id)) {
				formWrites(id, id, false).forEach(key -> processOwned(file, id, id, key, "field"));
			}
		});
	}

	private static boolean parsedAs(String name, String[] suffixes) {
		for (String suffix : suffixes) {
			if (name.endsWith(suffix)) {
				return true;
			}
		}
		return false;
	}

	private void readForm(String name, byte[] bytes) {
		try {
			String id = JSON.readTree(bytes).path("id").asText(null);
			if (id == null) {
				problem(name, null, "the form has no id; give it the file's name");
			}
			else {
				this.forms.put(id, bytes);
				this.formFiles.put(id, name);
			}
		}
		catch (Exception ex) {
			problem(name, null, "the form is no Camunda Form: its JSON does not parse");
		}
	}

	private void readDecisions(String name, byte[] bytes) {
		try {
			DmnModelInstance dmn = Dmn.readModelFromStream(new ByteArrayInputStream(bytes));
			dmn.getModelElementsByType(Decision.class)
				.forEach(decision -> this.decisions.put(decision.getId(), decision));
		}
		catch (RuntimeException ex) {
			problem(name, null, "the DMN does not parse: " + ex.getMessage());
		}
	}

	private void checkModel(String resource, BpmnModelInstance model) {
		for (ModelElementInstance element : model.getModelElementsByType(BaseElement.class)) {
			String id = ((BaseElement) element).getId();
			if (element.getAttributeValueNs(CAMUNDA_NS, "class") != null) {
				problem(resource, id, "camunda:class names a Java class; call a Spring bean with "
						+ "camunda:delegateExpression=\"${beanName}\" (pick an element template)");
			}
		}
		// worded as security's own net (NoScriptsParseListener), which parses after this
		for (ScriptTask script : model.getModelElementsByType(ScriptTask.class)) {
			problem(resource, script.getId(), noScripts("script task '" + script.getId() + "'"));
		}
		for (CamundaScript script : model.getModelElementsByType(CamundaScript.class)) {
			problem(resource, idOf(script), noScripts("script in '" + idOf(script) + "' (camunda:script)"));
		}
		for (ConditionExpression condition : model.getModelElementsByType(ConditionExpression.class)) {
			String language = condition.getAttributeValue("language");
			if ((language != null && !language.isBlank())
					|| condition.getAttributeValueNs(CAMUNDA_NS, "resource") != null) {
				problem(resource, idOf(condition),
						noScripts("script condition '" + idOf(condition) + "' (language " + language + ")"));
			}
		}
		for (Process process : model.getModelElementsByType(Process.class)) {
			if (process.isExecutable() && process.getCamundaHistoryTimeToLiveString() == null) {
				problem(resource, process.getId(), "set camunda:historyTimeToLive (days; HCP Gate uses 180)");
			}
			checkProcess(resource, process);
		}
	}

	private void checkProcess(String resource, Process process) {
		Map<String, Set<String>> writers = writers(process);
		Set<String> start = new HashSet<>(
				VariableWriters.PROCESS_STARTS.getOrDefault(process.getId(), List.of(ZoneAccessProcess.VAR_READER_ID)));
		start.addAll(this.calledWith.getOrDefault(process.getId(), Set.of()));
		for (FlowElement element : flowElements(process)) {
			String id = element.getId();
			if (element instanceof UserTask task) {
				checkUserTask(resource, task, writers, start);
			}
			if (element instanceof ServiceTask task) {
				checkDelegate(resource, id, task.getCamundaDelegateExpression(), "service task");
			}
			if (element instanceof BusinessRuleTask task) {
				checkDecision(resource, task);
			}
			if (element instanceof EndEvent end) {
				if (end.getName() == null || end.getName().isBlank()) {
					problem(resource, id, "name the end (its label says how the journey ended)");
				}
				if (GENERATED_END_ID.matcher(id).matches()) {
					problem(resource, id, "give the end a kebab-case id that says what it means "
							+ "(verified, agreement-refused…): code and reports refer to it");
				}
			}
			if (element instanceof SequenceFlow flow && flow.getConditionExpression() != null) {
				checkExpression(resource, id, flow.getConditionExpression().getTextContent(),
						ancestorsOf(flow.getSource()), writers, start, "the condition");
			}
			if (element instanceof CatchEvent event) {
				for (TimerEventDefinition timer : event.getChildElementsByType(TimerEventDefinition.class)) {
					checkTimer(resource, id, timer, writers, start);
				}
			}
			for (CamundaTaskListener listener : extensions(element, CamundaTaskListener.class)) {
				checkListener(resource, id, listener.getCamundaDelegateExpression(), listener.getCamundaClass());
			}
			for (CamundaExecutionListener listener : extensions(element, CamundaExecutionListener.class)) {
				checkListener(resource, id, listener.getCamundaDelegateExpression(), listener.getCamundaClass());
			}
		}
		for (CamundaExecutionListener listener : extensions(process, CamundaExecutionListener.class)) {
			checkListener(resource, process.getId(), listener.getCamundaDelegateExpression(),
					listener.getCamundaClass());
		}
	}

	private void checkUserTask(String resource, UserTask task, Map<String, Set<String>> writers, Set<String> start) {
		String id = task.getId();
		String formRef = formRefOf(task);
		if (READER_ASSIGNEE.equals(task.getCamundaAssignee())) {
			String step = ZoneAccessProcess.siteStepOf(task.getCamundaFormKey());
			if (step != null) {
				if (!VariableWriters.SITE_STEPS.containsKey(step)) {
					problem(resource, id, "the site has no page for 'site:" + step + "'; use one of " + String.join(
							", ",
							new TreeMap<>(VariableWriters.SITE_STEPS).keySet().stream().map(s -> "site:" + s).toList())
							+ ", or a Camunda Form (camunda:formRef)");
				}
			}
			else if (formRef != null) {
				byte[] form = this.forms.get(formRef);
				if (form == null) {
					problem(resource, id, "the form '" + formRef + "' is not in the deployment; add forms/" + formRef
							+ ".form (binding deployment)");
				}
				else {
					try {
						ReaderForms.parse(formRef, form)
							.routingFields()
							.forEach(field -> processOwned(resource, id, formRef, field.key(), "routing field"));
					}
					catch (UnsupportedFormException ex) {
						problem(resource, id, ex.getMessage());
					}
				}
			}
			else {
				problem(resource, id,
						"a reader task needs a form: a site step (camunda:formKey=\"site:…\") or a Camunda Form (camunda:formRef)");
			}
			return;
		}
		if (formRef != null && "deployment".equals(task.getCamundaFormRefBinding())
				&& !this.forms.containsKey(formRef)) {
			problem(resource, id,
					"the form '" + formRef + "' is not in the deployment; add forms/" + formRef + ".form");
		}
		if (formRef != null && this.forms.containsKey(formRef)) {
			formWrites(id, formRef, false).forEach(key -> processOwned(resource, id, formRef, key, "field"));
		}
		List<String> groups = task.getCamundaCandidateGroupsList();
		if (groups.isEmpty() && task.getCamundaAssignee() == null) {
			problem(resource, id, "a staff task needs a candidate group: one of " + sorted(this.context.knownGroups()));
		}
		for (String group : groups) {
			Matcher expression = DELEGATE.matcher(group.strip());
			if (expression.matches()) {
				checkGroupVariable(resource, id, expression.group(1), writers, start);
			}
			else if (!this.context.knownGroups().contains(group.strip())) {
				problem(resource, id, "the candidate group '" + group + "' is not a group HCP Gate knows; use one of "
						+ sorted(this.context.knownGroups()));
			}
		}
		for (String expression : List.of(nonNull(task.getCamundaAssignee()), nonNull(task.getCamundaDueDate()))) {
			checkExpression(resource, id, expression, null, writers, start, "the assignment");
		}
	}

	/** A form writes none of the process's own variables. */
	private void processOwned(String resource, String id, String formRef, String key, String what) {
		if (VariableWriters.isProcessOwned(key)) {
			problem(resource, id, "the form '" + formRef + "' has a " + what + " keyed '" + key
					+ "', one of the process's own variables (written by the process, its listeners or the site): "
					+ "give the field another key");
		}
	}

	private void checkGroupVariable(String resource, String id, String name, Map<String, Set<String>> writers,
			Set<String> start) {
		if (this.context.isBean(name)) {
			return;
		}
		Set<String> written = writers.getOrDefault(name, Set.of());
		if (written.isEmpty() && !start.contains(name)) {
			problem(resource, id, "the candidate group ${" + name + "} is written nowhere before the task");
			return;
		}
		// a group from a decision: every group the table can answer must be known
		for (Decision decision : this.decisions.values()) {
			for (String group : outputs(decision, name)) {
				if (!this.context.knownGroups().contains(group)) {
					problem(resource, id, "the decision '" + decision.getId() + "' can answer the group '" + group
							+ "', which HCP Gate does not know; use one of " + sorted(this.context.knownGroups()));
				}
			}
		}
	}

	private void checkDecision(String resource, BusinessRuleTask task) {
		String ref = task.getCamundaDecisionRef();
		if (ref == null) {
			problem(resource, task.getId(), "a business rule task names its DMN decision (camunda:decisionRef)");
		}
		else if (!this.decisions.containsKey(ref) && (task.getCamundaDecisionRefBinding() == null
				|| "deployment".equals(task.getCamundaDecisionRefBinding()))) {
			problem(resource, task.getId(), "the decision '" + ref
					+ "' is in no DMN file of the deployment; add it to processes/ (binding deployment)");
		}
		boolean mapsOutputs = extensions(task, CamundaInputOutput.class).stream()
			.anyMatch(mapping -> !mapping.getCamundaOutputParameters().isEmpty());
		if (task.getCamundaResultVariable() == null && !mapsOutputs) {
			problem(resource, task.getId(), "name the decision's result (camunda:resultVariable), or map its outputs "
					+ "(output parameters from ${decisionResult.getSingleResult().name}), so gateways can read it");
		}
	}

	private void checkTimer(String resource, String id, TimerEventDefinition timer, Map<String, Set<String>> writers,
			Set<String> start) {
		String text = (timer.getTimeDuration() != null) ? timer.getTimeDuration().getTextContent()
				: (timer.getTimeCycle() != null) ? timer.getTimeCycle().getTextContent()
						: (timer.getTimeDate() != null) ? timer.getTimeDate().getTextContent() : null;
		if (text == null || text.isBlank()) {
			problem(resource, id, "the timer has no duration, cycle or date");
			return;
		}
		if (EXPRESSION.matcher(text).find()) {
			checkExpression(resource, id, text, null, writers, start, "the timer");
			return;
		}
		try {
			if (timer.getTimeDate() != null) {
				OffsetDateTime.parse(text.strip());
			}
			else {
				new DurationHelper(text.strip());
			}
		}
		catch (DateTimeParseException ex) {
			problem(resource, id, "the timer '" + text + "' is no ISO-8601 date (2026-12-31T00:00:00Z)");
		}
		catch (Exception ex) {
			problem(resource, id, "the timer '" + text + "' is no ISO-8601 duration (P30D, PT48H) or cycle (R3/PT1H)");
		}
	}

	private void checkListener(String resource, String id, String delegateExpression, String javaClass) {
		if (javaClass != null) {
			problem(resource, id, "a listener names the Java class " + javaClass
					+ "; call a Spring bean with delegateExpression=\"${beanName}\"");
		}
		else {
			checkDelegate(resource, id, delegateExpression, "listener");
		}
	}

	private void checkDelegate(String resource, String id, String delegateExpression, String what) {
		if (delegateExpression == null) {
			problem(resource, id, "the " + what + " calls no bean: set camunda:delegateExpression=\"${beanName}\" "
					+ "(pick an element template)");
			return;
		}
		Matcher bean = DELEGATE.matcher(delegateExpression.strip());
		if (!bean.matches()) {
			problem(resource, id, "the " + what + "'s delegate expression '" + delegateExpression
					+ "' must name one bean: ${beanName}");
		}
		else if (!this.context.isBean(bean.group(1))) {
			problem(resource, id, "the " + what + " calls the bean '" + bean.group(1)
					+ "', which the application does not have (check the spelling, or pick an element template)");
		}
	}

	/**
	 * Each name an expression reads is a bean, or a variable written before (by an
	 * element that can come before this one, or when the process starts).
	 * @param before the elements that can come before, or null when anywhere will do
	 */
	private void checkExpression(String resource, String id, String text, Set<String> before,
			Map<String, Set<String>> writers, Set<String> start, String what) {
		if (text == null) {
			return;
		}
		Matcher expression = EXPRESSION.matcher(text);
		while (expression.find()) {
			Matcher names = NAME.matcher(QUOTED.matcher(expression.group(1)).replaceAll("''"));
			while (names.find()) {
				String name = names.group(1);
				if (EXPRESSION_NAMES.contains(name) || this.context.isBean(name) || start.contains(name)) {
					continue;
				}
				Set<String> written = writers.getOrDefault(name, Set.of());
				if (written.isEmpty()) {
					problem(resource, id, what + " reads '" + name + "', which is neither a bean nor a variable "
							+ "any step of this process writes");
				}
				else if (before != null && written.stream().noneMatch(before::contains)) {
					problem(resource, id, what + " reads '" + name + "', which only " + sorted(written)
							+ " writes, and none of them comes before it");
				}
			}
		}
	}

	/** Which elements write which variables. */
	private Map<String, Set<String>> writers(Process process) {
		Map<String, Set<String>> writers = new HashMap<>();
		for (FlowElement element : flowElements(process)) {
			String id = element.getId();
			List<String> writes = new ArrayList<>();
			if (element instanceof UserTask task) {
				String step = ZoneAccessProcess.siteStepOf(task.getCamundaFormKey());
				if (step != null) {
					writes.addAll(VariableWriters.SITE_STEPS.getOrDefault(step, List.of()));
				}
				String formRef = formRefOf(task);
				if (formRef != null && this.forms.containsKey(formRef)) {
					writes.addAll(formWrites(id, formRef, READER_ASSIGNEE.equals(task.getCamundaAssignee())));
				}
			}
			if (element instanceof BusinessRuleTask task && task.getCamundaResultVariable() != null) {
				writes.add(task.getCamundaResultVariable());
			}
			if (element instanceof CallActivity call) {
				extensions(call, CamundaOut.class).forEach(out -> {
					if (out.getCamundaTarget() != null) {
						writes.add(out.getCamundaTarget());
					}
				});
			}
			for (CamundaInputOutput mapping : extensions(element, CamundaInputOutput.class)) {
				mapping.getCamundaOutputParameters().forEach(parameter -> writes.add(parameter.getCamundaName()));
				mapping.getCamundaInputParameters().forEach(parameter -> writes.add(parameter.getCamundaName()));
			}
			for (CamundaTaskListener listener : extensions(element, CamundaTaskListener.class)) {
				Matcher bean = DELEGATE.matcher(nonNull(listener.getCamundaDelegateExpression()));
				if (bean.matches()) {
					writes.addAll(VariableWriters.LISTENERS.getOrDefault(bean.group(1), List.of()));
				}
			}
			writes.forEach(name -> writers.computeIfAbsent(name, key -> new HashSet<>()).add(id));
		}
		return writers;
	}

	private List<String> formWrites(String taskKey, String formRef, boolean reader) {
		List<String> writes = new ArrayList<>();
		if (reader) {
			writes.add(FormSteps.answersVariable(taskKey));
			try {
				ReaderForm form = ReaderForms.parse(formRef, this.forms.get(formRef));
				form.routingFields().forEach(field -> writes.add(field.key()));
			}
			catch (UnsupportedFormException reported) {
				// reported with the task
			}
		}
		else {
			try {
				keysOf(JSON.readTree(this.forms.get(formRef)), writes);
			}
			catch (Exception reported) {
				// reported with the form
			}
		}
		return writes;
	}

	/** The keys of a form's components, in groups and other containers too. */
	private static void keysOf(JsonNode node, List<String> keys) {
		for (JsonNode component : node.path("components")) {
			if (component.hasNonNull("key")) {
				keys.add(component.path("key").asText());
			}
			keysOf(component, keys);
		}
	}

	/**
	 * The process's elements, and those inside its sub-processes (embedded, event,
	 * transaction, ad hoc), at any depth.
	 */
	private static List<FlowElement> flowElements(BaseElement container) {
		List<FlowElement> elements = new ArrayList<>();
		Collection<FlowElement> children = (container instanceof Process process) ? process.getFlowElements()
				: (container instanceof SubProcess sub) ? sub.getFlowElements() : List.of();
		for (FlowElement element : children) {
			elements.add(element);
			if (element instanceof SubProcess sub) {
				elements.addAll(flowElements(sub));
			}
		}
		return elements;
	}

	/**
	 * Every element from which this one can be reached (boundary events from their task,
	 * a sub-process's elements from what comes before the sub-process); null inside an
	 * event sub-process, which can start at any moment of its scope.
	 */
	private static Set<String> ancestorsOf(FlowNode node) {
		Set<String> seen = new HashSet<>();
		Deque<FlowNode> open = new ArrayDeque<>(List.of(node));
		while (!open.isEmpty()) {
			FlowNode current = open.pop();
			if (!seen.add(current.getId())) {
				continue;
			}
			current.getIncoming().forEach(flow -> open.push(flow.getSource()));
			if (current instanceof BoundaryEvent boundary && boundary.getAttachedTo() != null) {
				open.push(boundary.getAttachedTo());
			}
			if (current.getParentElement() instanceof SubProcess sub) {
				if (sub.triggeredByEvent()) {
					return null;
				}
				open.push(sub);
			}
		}
		return seen;
	}

	/** The literal values a decision's table can give for one output. */
	private static List<String> outputs(Decision decision, String outputName) {
		List<String> values = new ArrayList<>();
		for (DecisionTable table : decision.getChildElementsByType(DecisionTable.class)) {
			List<Output> outputs = new ArrayList<>(table.getOutputs());
			for (int i = 0; i < outputs.size(); i++) {
				if (!outputName.equals(outputs.get(i).getName())) {
					continue;
				}
				for (Rule rule : table.getRules()) {
					List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
					if (i < entries.size()) {
						String text = entries.get(i).getTextContent().strip();
						values.add(text.replaceAll("^\"|\"$", ""));
					}
				}
			}
		}
		return values;
	}

	private static String formRefOf(UserTask task) {
		if (task.getCamundaFormRef() != null) {
			return task.getCamundaFormRef();
		}
		String key = task.getCamundaFormKey();
		if (key != null && key.startsWith(FormSteps.CAMUNDA_FORMS_KEY_PREFIX)) {
			String rest = key.substring(key.lastIndexOf(':') + 1);
			return rest.endsWith(".form") ? rest.substring(0, rest.length() - ".form".length()) : rest;
		}
		return null;
	}

	private static <T extends ModelElementInstance> Collection<T> extensions(BaseElement element, Class<T> type) {
		return (element.getExtensionElements() != null)
				? element.getExtensionElements().getElementsQuery().filterByType(type).list() : List.of();
	}

	private static String idOf(ModelElementInstance element) {
		ModelElementInstance parent = element.getParentElement();
		while (parent != null && !(parent instanceof BaseElement)) {
			parent = parent.getParentElement();
		}
		return (parent != null) ? ((BaseElement) parent).getId() : null;
	}

	private static String noScripts(String what) {
		return "Scripts are not allowed in HCP Gate's models: " + what
				+ " must become a service task or listener with camunda:delegateExpression (a bean), or a JUEL expression";
	}

	private static String nonNull(String value) {
		return (value != null) ? value : "";
	}

	private static String sorted(Collection<String> values) {
		return String.join(", ", new LinkedHashSet<>(values.stream().sorted().toList()));
	}

	private void problem(String resource, String elementId, String message) {
		this.problems.add(new ModelProblem(resource, elementId, message));
	}

}
