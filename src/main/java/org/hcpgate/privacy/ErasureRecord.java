package org.hcpgate.privacy;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What stays of an erasure for the audit: the reader id, when, why, how much. No personal
 * data.
 */
@Entity
@Table(name = "erasure_record")
public class ErasureRecord {

	public enum Reason {

		/** The reader withdrew a zone's agreement: that zone's data. */
		AGREEMENT_WITHDRAWN,
		/** The reader withdrew the last agreement in force: the verification too. */
		LAST_AGREEMENT_WITHDRAWN,
		/** The reader deleted the account: everything. */
		ACCOUNT_DELETED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "reader_id", nullable = false)
	private String readerId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Reason reason;

	/** {@code zone:<key>} or {@code reader}. */
	@Column(nullable = false)
	private String scope;

	@Column(name = "erased_at", nullable = false)
	private Instant erasedAt;

	@Column(nullable = false)
	private int submissions;

	@Column(nullable = false)
	private int photos;

	@Column(name = "answer_sets", nullable = false)
	private int answerSets;

	@Column(name = "process_instances", nullable = false)
	private int processInstances;

	protected ErasureRecord() {
	}

	ErasureRecord(String readerId, Reason reason, String scope, int submissions, int photos, int answerSets,
			int processInstances) {
		this.readerId = readerId;
		this.reason = reason;
		this.scope = scope;
		this.erasedAt = Instant.now();
		this.submissions = submissions;
		this.photos = photos;
		this.answerSets = answerSets;
		this.processInstances = processInstances;
	}

	public Long getId() {
		return this.id;
	}

	public String getReaderId() {
		return this.readerId;
	}

	public Reason getReason() {
		return this.reason;
	}

	public String getScope() {
		return this.scope;
	}

	public Instant getErasedAt() {
		return this.erasedAt;
	}

	public int getSubmissions() {
		return this.submissions;
	}

	public int getPhotos() {
		return this.photos;
	}

	public int getAnswerSets() {
		return this.answerSets;
	}

	public int getProcessInstances() {
		return this.processInstances;
	}

}
