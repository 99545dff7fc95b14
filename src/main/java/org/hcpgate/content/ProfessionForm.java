package org.hcpgate.content;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.hcpgate.professions.Profession;
import org.hcpgate.professions.ProfessionEdit;

/**
 * A profession as editors (names, titles) and leads (the licence pattern) write it; the
 * titles one per line.
 */
public class ProfessionForm {

	@Pattern(regexp = "[a-z][a-z0-9-]{1,31}", message = "{content.profession.code.invalid}")
	private String code;

	@NotBlank(message = "{validation.required}")
	@Size(max = 100, message = "{validation.too-long}")
	private String name;

	@NotBlank(message = "{validation.required}")
	@Size(max = 100, message = "{validation.too-long}")
	private String nameEn;

	@Min(value = 0, message = "{content.zone.position.range}")
	@Max(value = 9999, message = "{content.zone.position.range}")
	private int position;

	@NotBlank(message = "{validation.required}")
	@Size(max = 200, message = "{validation.too-long}")
	private String licencePattern;

	@NotBlank(message = "{validation.required}")
	@Size(max = 200, message = "{validation.too-long}")
	private String licenceHint;

	@NotBlank(message = "{validation.required}")
	@Size(max = 200, message = "{validation.too-long}")
	private String licenceHintEn;

	private boolean active = true;

	@Size(max = 2000, message = "{validation.too-long}")
	private String titlesText;

	static ProfessionForm of(Profession profession, List<String> titles) {
		ProfessionForm form = new ProfessionForm();
		form.code = profession.getCode();
		form.name = profession.getName();
		form.nameEn = profession.getNameEn();
		form.position = profession.getPosition();
		form.licencePattern = profession.getLicencePattern();
		form.licenceHint = profession.getLicenceHint();
		form.licenceHintEn = profession.getLicenceHintEn();
		form.active = profession.isActive();
		form.titlesText = String.join("\n", titles);
		return form;
	}

	List<String> titles() {
		return (this.titlesText == null) ? List.of()
				: this.titlesText.lines().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
	}

	ProfessionEdit edit() {
		return new ProfessionEdit(this.name, this.nameEn, this.position, this.licencePattern, this.licenceHint,
				this.licenceHintEn, this.active, titles());
	}

	public String getCode() {
		return this.code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getNameEn() {
		return this.nameEn;
	}

	public void setNameEn(String nameEn) {
		this.nameEn = nameEn;
	}

	public int getPosition() {
		return this.position;
	}

	public void setPosition(int position) {
		this.position = position;
	}

	public String getLicencePattern() {
		return this.licencePattern;
	}

	public void setLicencePattern(String licencePattern) {
		this.licencePattern = licencePattern;
	}

	public String getLicenceHint() {
		return this.licenceHint;
	}

	public void setLicenceHint(String licenceHint) {
		this.licenceHint = licenceHint;
	}

	public String getLicenceHintEn() {
		return this.licenceHintEn;
	}

	public void setLicenceHintEn(String licenceHintEn) {
		this.licenceHintEn = licenceHintEn;
	}

	public boolean isActive() {
		return this.active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public String getTitlesText() {
		return this.titlesText;
	}

	public void setTitlesText(String titlesText) {
		this.titlesText = titlesText;
	}

}
