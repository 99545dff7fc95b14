package org.hcpgate.privacy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The erasure's door to the engine: finds a reader's process instances (by business key
 * {@code readerId} or {@code readerId:zoneKey}, or by variable {@code readerId}), cancels the
 * running ones and deletes their history: variables, tasks, identity links, details, job
 * logs and the operation log go with it. Runs without an authenticated engine user, like every
 * call of the site.
 */
@Component
class ReaderProcesses {

	static final String VAR_READER_ID = "readerId";

	static final String REASON = "reader's personal data erased";

	private final RuntimeService runtime;

	private final HistoryService history;

	ReaderProcesses(RuntimeService runtime, HistoryService history) {
		this.runtime = runtime;
		this.history = history;
	}

	/** Every instance of the reader, in every process. @return how many were erased */
	int eraseAll(String readerId) {
		Set<String> running = new LinkedHashSet<>();
		running.addAll(ids(this.runtime.createProcessInstanceQuery().processInstanceBusinessKey(readerId).list()));
		running.addAll(ids(this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKeyLike(likeZonesOf(readerId))
			.list()));
		running.addAll(ids(this.runtime.createProcessInstanceQuery().variableValueEquals(VAR_READER_ID, readerId).list()));
		cancel(running);

		Set<String> ended = new LinkedHashSet<>(running);
		ended.addAll(historicIds(
				this.history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(readerId).list()));
		ended.addAll(historicIds(this.history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKeyLike(likeZonesOf(readerId))
			.list()));
		ended.addAll(historicIds(
				this.history.createHistoricProcessInstanceQuery().variableValueEquals(VAR_READER_ID, readerId).list()));
		return deleteHistory(ended);
	}

	/**
	 * The reader's journeys into one zone, and a verification such a journey is still
	 * waiting for (cancelled with it). A finished verification stays: other zones rest on it.
	 */
	int eraseZone(String readerId, String zoneKey) {
		String businessKey = readerId + ":" + zoneKey;
		Set<String> running = ids(this.runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list());
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

	private void cancel(Set<String> running) {
		if (!running.isEmpty()) {
			// skip listeners: nothing may notify or record on behalf of an erased reader
			this.runtime.deleteProcessInstancesIfExists(List.copyOf(running), REASON, true, true, false);
		}
	}

	private int deleteHistory(Set<String> instances) {
		if (!instances.isEmpty()) {
			this.history.deleteHistoricProcessInstancesIfExists(List.copyOf(instances));
		}
		return instances.size();
	}

	private static String likeZonesOf(String readerId) {
		return readerId + ":%";
	}

	private static Set<String> ids(List<ProcessInstance> instances) {
		Set<String> ids = new LinkedHashSet<>();
		instances.forEach(i -> ids.add(i.getId()));
		return ids;
	}

	private static Set<String> historicIds(List<HistoricProcessInstance> instances) {
		Set<String> ids = new LinkedHashSet<>();
		instances.forEach(i -> ids.add(i.getId()));
		return ids;
	}

}
