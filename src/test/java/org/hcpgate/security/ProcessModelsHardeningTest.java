package org.hcpgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaScript;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model in {@code processes/}, as a designer saves it: each executable process (and
 * decision) has a {@code historyTimeToLive}, so history clean-up removes it in time, and
 * none holds a script (the engine would refuse the deployment anyway).
 */
class ProcessModelsHardeningTest {

	static final Path PROCESSES = Paths.get("processes");

	static Stream<Path> models() throws IOException {
		List<Path> files;
		try (Stream<Path> walk = Files.walk(PROCESSES)) {
			files = walk.filter(f -> f.toString().endsWith(".bpmn") || f.toString().endsWith(".dmn")).toList();
		}
		assertThat(files).isNotEmpty();
		return files.stream();
	}

	@ParameterizedTest
	@MethodSource("models")
	void everyExecutableModelHasAHistoryTimeToLiveAndNoScript(Path file) {
		if (file.toString().endsWith(".dmn")) {
			Dmn.readModelFromFile(file.toFile())
				.getModelElementsByType(Decision.class)
				.forEach(decision -> assertThat(decision.getCamundaHistoryTimeToLiveString())
					.as(file + " decision " + decision.getId() + " historyTimeToLive")
					.isNotBlank());
			return;
		}
		BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
		List<Process> executable = model.getModelElementsByType(Process.class)
			.stream()
			.filter(Process::isExecutable)
			.toList();
		for (Process process : executable) {
			assertThat(process.getCamundaHistoryTimeToLiveString())
				.as(file + " process " + process.getId() + " historyTimeToLive")
				.isNotBlank();
		}
		assertThat(model.getModelElementsByType(ScriptTask.class)).as(file + " script tasks").isEmpty();
		assertThat(model.getModelElementsByType(CamundaScript.class)).as(file + " camunda:script").isEmpty();
		assertThat(model.getModelElementsByType(ConditionExpression.class)).as(file + " script conditions")
			.allSatisfy(condition -> assertThat(condition.getLanguage()).isNullOrEmpty());
	}

}
