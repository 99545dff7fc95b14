package org.hcpgate.security;

import java.util.List;

import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Refuses, at deployment, every BPMN model that would run a script: script tasks, scripts
 * in execution or task listeners and in input/output mappings, and conditions written in
 * a script language (or loaded from a resource). Expressions (JUEL) stay allowed: they
 * are how the models call the application's beans. The message names the element, so a
 * designer knows what to change.
 */
class NoScriptsParseListener extends AbstractBpmnParseListener {

	private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

	private static final String ACTIVITI_NS = "http://activiti.org/bpmn";

	@Override
	public void parseRootElement(Element rootElement, List<ProcessDefinitionEntity> processDefinitions) {
		refuseScripts(rootElement, "definitions");
	}

	private static void refuseScripts(Element element, String owner) {
		String id = element.attribute("id");
		String here = (id != null) ? id : owner;
		String tag = element.getTagName();
		if ("scriptTask".equals(tag)) {
			throw refused("script task '" + here + "'", element);
		}
		if ("script".equals(tag) && isCamunda(element)) {
			throw refused("script in '" + owner + "' (camunda:script)", element);
		}
		if (("conditionExpression".equals(tag) || "condition".equals(tag)) && isScriptCondition(element)) {
			throw refused("script condition '" + here + "' (language " + element.attribute("language") + ")", element);
		}
		for (Element child : element.elements()) {
			refuseScripts(child, here);
		}
	}

	private static boolean isCamunda(Element element) {
		return CAMUNDA_NS.equals(element.getUri()) || ACTIVITI_NS.equals(element.getUri());
	}

	private static boolean isScriptCondition(Element condition) {
		String language = condition.attribute("language");
		boolean external = condition.attributes()
			.stream()
			.anyMatch(a -> a.equals("resource") || a.endsWith(":resource"));
		return (language != null && !language.isBlank()) || external;
	}

	private static BpmnParseException refused(String what, Element element) {
		return new BpmnParseException("Scripts are not allowed in HCP Gate's models: " + what
				+ " must become a service task or listener with camunda:delegateExpression, or a JUEL expression",
				element);
	}

}
