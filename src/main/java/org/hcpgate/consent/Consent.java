package org.hcpgate.consent;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One consent decision of a reader on one version of one of a zone's documents. */
@Entity
@Table(name = "consent")
public class Consent {

	public enum Document {

		AGREEMENT, INFORMED_CONSENT

	}

	public enum Choice {

		AGREED, REFUSED,
		/** An earlier agreement taken back from the account page. */
		WITHDRAWN

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "reader_id", nullable = false)
	private String readerId;

	@Column(name = "zone_key", nullable = false)
	private String zoneKey;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Document document;

	@Column(name = "document_version", nullable = false)
	private int documentVersion;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Choice choice;

	@Column(name = "decided_at", nullable = false)
	private Instant decidedAt;

	@Column(name = "client_address")
	private String clientAddress;

	@Column(name = "process_instance_id")
	private String processInstanceId;

	/**
	 * The reader task this decision completed: unique, so a double click records once.
	 */
	@Column(name = "task_id", unique = true)
	private String taskId;

	protected Consent() {
	}

	Consent(String readerId, String zoneKey, Document document, int documentVersion, Choice choice,
			String clientAddress, String processInstanceId, String taskId) {
		this.readerId = readerId;
		this.zoneKey = zoneKey;
		this.document = document;
		this.documentVersion = documentVersion;
		this.choice = choice;
		this.decidedAt = Instant.now();
		this.clientAddress = clientAddress;
		this.processInstanceId = processInstanceId;
		this.taskId = taskId;
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

	public Document getDocument() {
		return this.document;
	}

	public int getDocumentVersion() {
		return this.documentVersion;
	}

	public Choice getChoice() {
		return this.choice;
	}

	public Instant getDecidedAt() {
		return this.decidedAt;
	}

	public String getClientAddress() {
		return this.clientAddress;
	}

	public String getProcessInstanceId() {
		return this.processInstanceId;
	}

	public String getTaskId() {
		return this.taskId;
	}

}
