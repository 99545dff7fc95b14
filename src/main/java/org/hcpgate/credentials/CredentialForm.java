package org.hcpgate.credentials;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.hcpgate.professions.ProfessionCatalogue;

/**
 * 完善信息: what the reader types. The licence photo travels beside it as a multipart file.
 */
public class CredentialForm {

	@NotBlank(message = "{validation.required}")
	@Size(max = 100, message = "{validation.too-long}")
	private String realName;

	@NotBlank(message = "{validation.required}")
	@Size(max = 200, message = "{validation.too-long}")
	private String hospital;

	@NotBlank(message = "{validation.required}")
	private String profession;

	/**
	 * A department of the standard list, or {@link ProfessionCatalogue.OTHER_DEPARTMENT}
	 * with {@link #departmentOther}.
	 */
	@NotBlank(message = "{validation.required}")
	@Size(max = 100, message = "{validation.too-long}")
	private String department;

	@Size(max = 100, message = "{validation.too-long}")
	private String departmentOther;

	@NotBlank(message = "{validation.required}")
	@Size(max = 100, message = "{validation.too-long}")
	private String professionalTitle;

	@NotBlank(message = "{validation.required}")
	@Pattern(regexp = "\\s*[A-Za-z0-9-]{6,32}\\s*", message = "{credentials.licence-number.invalid}")
	private String licenceNumber;

	/**
	 * The form again as the reader sent it last time; a department not on the standard
	 * list was typed under "other".
	 */
	public static CredentialForm prefilledFrom(CredentialSubmission previous, List<String> departments) {
		CredentialForm form = new CredentialForm();
		form.realName = previous.getRealName();
		form.hospital = previous.getHospital();
		form.profession = previous.getProfession();
		if (departments.contains(previous.getDepartment())) {
			form.department = previous.getDepartment();
		}
		else {
			form.department = ProfessionCatalogue.OTHER_DEPARTMENT;
			form.departmentOther = previous.getDepartment();
		}
		form.professionalTitle = previous.getProfessionalTitle();
		form.licenceNumber = previous.getLicenceNumber();
		return form;
	}

	public String getRealName() {
		return this.realName;
	}

	public void setRealName(String realName) {
		this.realName = realName;
	}

	public String getHospital() {
		return this.hospital;
	}

	public void setHospital(String hospital) {
		this.hospital = hospital;
	}

	/** The department as stored: the chosen one, or the one typed under "other". */
	public String resolvedDepartment() {
		return ProfessionCatalogue.OTHER_DEPARTMENT.equals(this.department)
				? ((this.departmentOther == null) ? "" : this.departmentOther.strip()) : this.department.strip();
	}

	public String getProfession() {
		return this.profession;
	}

	public void setProfession(String profession) {
		this.profession = profession;
	}

	public String getDepartmentOther() {
		return this.departmentOther;
	}

	public void setDepartmentOther(String departmentOther) {
		this.departmentOther = departmentOther;
	}

	public String getDepartment() {
		return this.department;
	}

	public void setDepartment(String department) {
		this.department = department;
	}

	public String getProfessionalTitle() {
		return this.professionalTitle;
	}

	public void setProfessionalTitle(String professionalTitle) {
		this.professionalTitle = professionalTitle;
	}

	public String getLicenceNumber() {
		return this.licenceNumber;
	}

	public void setLicenceNumber(String licenceNumber) {
		this.licenceNumber = licenceNumber;
	}

}
