package org.hcpgate.content;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A draft of a zone's agreement: its title and text. */
public class AgreementForm {

	@NotBlank(message = "{validation.required}")
	@Size(max = 200, message = "{validation.too-long}")
	private String title;

	@NotBlank(message = "{validation.required}")
	@Size(max = 20000, message = "{validation.too-long}")
	private String body;

	public AgreementForm() {
	}

	public AgreementForm(String title, String body) {
		this.title = title;
		this.body = body;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getBody() {
		return this.body;
	}

	public void setBody(String body) {
		this.body = body;
	}

}
