package org.hcpgate.content;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.hcpgate.reasons.ReasonCode;
import org.hcpgate.reasons.ReasonEdit;

/** A rejection reason as leads and editors write it. */
public class ReasonForm {

	@Pattern(regexp = "[a-z][a-z0-9-]{1,63}", message = "{content.reason.code.invalid}")
	private String code;

	@NotBlank(message = "{validation.required}")
	@Size(max = 200, message = "{validation.too-long}")
	private String label;

	@NotBlank(message = "{validation.required}")
	@Size(max = 200, message = "{validation.too-long}")
	private String labelEn;

	private boolean finalByDefault;

	@Min(value = 0, message = "{content.zone.position.range}")
	@Max(value = 9999, message = "{content.zone.position.range}")
	private int position;

	private boolean active = true;

	static ReasonForm of(ReasonCode reason) {
		ReasonForm form = new ReasonForm();
		form.code = reason.getCode();
		form.label = reason.getLabel();
		form.labelEn = reason.getLabelEn();
		form.finalByDefault = reason.isFinalByDefault();
		form.position = reason.getPosition();
		form.active = reason.isActive();
		return form;
	}

	ReasonEdit edit() {
		return new ReasonEdit(this.label, this.labelEn, this.finalByDefault, this.position, this.active);
	}

	public String getCode() {
		return this.code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getLabel() {
		return this.label;
	}

	public void setLabel(String label) {
		this.label = label;
	}

	public String getLabelEn() {
		return this.labelEn;
	}

	public void setLabelEn(String labelEn) {
		this.labelEn = labelEn;
	}

	public boolean isFinalByDefault() {
		return this.finalByDefault;
	}

	public void setFinalByDefault(boolean finalByDefault) {
		this.finalByDefault = finalByDefault;
	}

	public int getPosition() {
		return this.position;
	}

	public void setPosition(int position) {
		this.position = position;
	}

	public boolean isActive() {
		return this.active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

}
