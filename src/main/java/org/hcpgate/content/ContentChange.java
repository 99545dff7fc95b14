package org.hcpgate.content;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One change of content, as leads read it: who (a staff id), through which channel (the
 * staff pages, the content API, the demo set-up), what (kind, key, action), when, and the
 * subject before and after as JSON.
 */
@Entity
@Table(name = "content_change")
public class ContentChange {

	public enum Channel {

		PAGES, API, SETUP

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "changed_at", nullable = false)
	private Instant changedAt;

	@Column(name = "changed_by", nullable = false)
	private String changedBy;

	@Column(nullable = false)
	private String channel;

	@Column(name = "subject_kind", nullable = false)
	private String subjectKind;

	@Column(name = "subject_key", nullable = false)
	private String subjectKey;

	@Column(nullable = false)
	private String action;

	@Column(name = "before_state")
	private String beforeState;

	@Column(name = "after_state")
	private String afterState;

	protected ContentChange() {
	}

	ContentChange(Instant changedAt, Editor editor, String subjectKind, String subjectKey, String action,
			String beforeState, String afterState) {
		this.changedAt = changedAt;
		this.changedBy = editor.staffId();
		this.channel = editor.channel().name();
		this.subjectKind = subjectKind;
		this.subjectKey = subjectKey;
		this.action = action;
		this.beforeState = beforeState;
		this.afterState = afterState;
	}

	public Long getId() {
		return this.id;
	}

	public Instant getChangedAt() {
		return this.changedAt;
	}

	public String getChangedBy() {
		return this.changedBy;
	}

	public String getChannel() {
		return this.channel;
	}

	public String getSubjectKind() {
		return this.subjectKind;
	}

	public String getSubjectKey() {
		return this.subjectKey;
	}

	public String getAction() {
		return this.action;
	}

	public String getBeforeState() {
		return this.beforeState;
	}

	public String getAfterState() {
		return this.afterState;
	}

}
