package org.hcpgate.reasons;

import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One rejection reason: the code the review form and the REST API send in
 * {@code rejectionReasons}, its labels, whether it usually goes with a final rejection,
 * and whether reviewers may still choose it (a retired code stays readable in old
 * decisions).
 */
@Entity
@Table(name = "rejection_reason")
public class ReasonCode {

	@Id
	private String code;

	@Column(nullable = false)
	private String label;

	@Column(name = "label_en", nullable = false)
	private String labelEn;

	@Column(name = "final_by_default", nullable = false)
	private boolean finalByDefault;

	@Column(nullable = false)
	private int position;

	@Column(nullable = false)
	private boolean active = true;

	protected ReasonCode() {
	}

	ReasonCode(String code) {
		this.code = code;
	}

	void edit(ReasonEdit edit) {
		this.label = edit.label().strip();
		this.labelEn = edit.labelEn().strip();
		this.finalByDefault = edit.finalByDefault();
		this.position = edit.position();
		this.active = edit.active();
	}

	public String labelIn(Locale locale) {
		return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? this.labelEn : this.label;
	}

	public String getCode() {
		return this.code;
	}

	public String getLabel() {
		return this.label;
	}

	public String getLabelEn() {
		return this.labelEn;
	}

	public boolean isFinalByDefault() {
		return this.finalByDefault;
	}

	public int getPosition() {
		return this.position;
	}

	public boolean isActive() {
		return this.active;
	}

}
