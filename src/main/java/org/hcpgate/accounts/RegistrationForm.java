package org.hcpgate.accounts;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a reader types to register; messages are keys of messages*.properties. */
public class RegistrationForm {

	@NotBlank(message = "{validation.required}")
	@Pattern(regexp = "[a-zA-Z0-9._-]{3,32}", message = "{register.username.invalid}")
	private String username;

	@NotBlank(message = "{validation.required}")
	@Size(max = 100, message = "{validation.too-long}")
	private String displayName;

	@NotBlank(message = "{validation.required}")
	@Email(message = "{register.email.invalid}")
	@Size(max = 200, message = "{validation.too-long}")
	private String email;

	@NotBlank(message = "{validation.required}")
	@Size(min = 8, max = 100, message = "{register.password.policy}")
	private String password;

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

}
