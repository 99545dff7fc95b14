package org.hcpgate.credentials;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

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
	@Size(max = 100, message = "{validation.too-long}")
	private String department;

	@NotBlank(message = "{validation.required}")
	@Size(max = 100, message = "{validation.too-long}")
	private String professionalTitle;

	@NotBlank(message = "{validation.required}")
	@Pattern(regexp = "\\s*[A-Za-z0-9-]{6,32}\\s*", message = "{credentials.licence-number.invalid}")
	private String licenceNumber;

	public static CredentialForm prefilledFrom(CredentialSubmission previous) {
		CredentialForm form = new CredentialForm();
		form.realName = previous.getRealName();
		form.hospital = previous.getHospital();
		form.department = previous.getDepartment();
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
