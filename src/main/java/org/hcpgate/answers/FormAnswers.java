package org.hcpgate.answers;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A reader's answers to one reader step rendered from a Camunda Form, kept here and
 * referenced from the process by id (variable {@code <step>AnswersId}). The answers are
 * one JSON document, stored encrypted ({@link FormAnswerService}).
 */
@Entity
@Table(name = "form_answers")
public class FormAnswers {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "reader_id", nullable = false)
	private String readerId;

	@Column(name = "zone_key", nullable = false)
	private String zoneKey;

	@Column(name = "process_instance_id", nullable = false)
	private String processInstanceId;

	@Column(name = "task_key", nullable = false)
	private String taskKey;

	@Column(name = "form_id", nullable = false)
	private String formId;

	@Column(name = "content_enc", nullable = false)
	private String contentEncrypted;

	@Column(name = "submitted_at", nullable = false)
	private Instant submittedAt;

	protected FormAnswers() {
	}

	FormAnswers(String readerId, String zoneKey, String processInstanceId, String taskKey, String formId,
			Instant submittedAt) {
		this.readerId = readerId;
		this.zoneKey = zoneKey;
		this.processInstanceId = processInstanceId;
		this.taskKey = taskKey;
		this.formId = formId;
		this.submittedAt = submittedAt;
		this.contentEncrypted = "";
	}

	public Long getId() {
		return this.id;
	}

	public String getReaderId() {
		return this.readerId;
	}

	public String getZoneKey() {
		return this.zoneKey;
	}

	public String getProcessInstanceId() {
		return this.processInstanceId;
	}

	public String getTaskKey() {
		return this.taskKey;
	}

	public String getFormId() {
		return this.formId;
	}

	public Instant getSubmittedAt() {
		return this.submittedAt;
	}

	String getContentEncrypted() {
		return this.contentEncrypted;
	}

	void setContentEncrypted(String contentEncrypted) {
		this.contentEncrypted = contentEncrypted;
	}

}
