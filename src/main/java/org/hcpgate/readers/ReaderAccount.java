package org.hcpgate.readers;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A reader of the site (doctor, nurse, pharmacist). Staff live in Camunda's identity
 * service.
 */
@Entity
@Table(name = "reader_account")
public class ReaderAccount {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, unique = true)
	private String username;

	@Column(name = "password_hash", nullable = false)
	private String passwordHash;

	@Column(name = "display_name", nullable = false)
	private String displayName;

	@Column(nullable = false, unique = true)
	private String email;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected ReaderAccount() {
	}

	public ReaderAccount(String username, String passwordHash, String displayName, String email) {
		this.username = username;
		this.passwordHash = passwordHash;
		this.displayName = displayName;
		this.email = email;
		this.createdAt = Instant.now();
	}

	public Long getId() {
		return this.id;
	}

	/**
	 * The id the processes know the reader by: assignee of reader tasks, business key.
	 */
	public String getReaderId() {
		return String.valueOf(this.id);
	}

	public String getUsername() {
		return this.username;
	}

	public String getPasswordHash() {
		return this.passwordHash;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public String getEmail() {
		return this.email;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
