package org.hcpgate.accounts;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A registration whose e-mail address is not confirmed yet: the account is created from
 * it when the link in the e-mail is followed, before it expires.
 */
@Entity
@Table(name = "pending_registration")
class PendingRegistration {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "token_hash", nullable = false)
	private String tokenHash;

	@Column(nullable = false)
	private String username;

	@Column(name = "display_name", nullable = false)
	private String displayName;

	@Column(nullable = false)
	private String email;

	@Column(name = "password_hash", nullable = false)
	private String passwordHash;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "expires_at", nullable = false)
	private Instant expiresAt;

	protected PendingRegistration() {
	}

	PendingRegistration(String tokenHash, RegistrationForm form, String passwordHash, Instant now, Instant expiresAt) {
		this.tokenHash = tokenHash;
		this.username = form.getUsername();
		this.displayName = form.getDisplayName();
		this.email = form.getEmail();
		this.passwordHash = passwordHash;
		this.createdAt = now;
		this.expiresAt = expiresAt;
	}

	boolean isExpired(Instant now) {
		return !this.expiresAt.isAfter(now);
	}

	String getUsername() {
		return this.username;
	}

	String getDisplayName() {
		return this.displayName;
	}

	String getEmail() {
		return this.email;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

}
