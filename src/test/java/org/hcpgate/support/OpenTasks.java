package org.hcpgate.support;

import java.time.Duration;
import java.util.Objects;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * Waits for the one open task of a kind in the instance with a business key: the tests'
 * single way to find the task a step or the job executor is about to create.
 */
public final class OpenTasks {

	public static final Duration WAIT = Duration.ofSeconds(20);

	private OpenTasks() {
	}

	public static Task await(TaskService tasks, String businessKey, String taskKey) {
		return org.awaitility.Awaitility.await()
			.atMost(WAIT)
			.until(() -> tasks.createTaskQuery()
				.taskDefinitionKey(taskKey)
				.processInstanceBusinessKey(businessKey)
				.singleResult(), Objects::nonNull);
	}

}
