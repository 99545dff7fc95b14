package org.hcpgate.partners;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A partner's sign-in that waits for the reader's verification: the authorization request
 * as the partner sent it (its query string), replayed after 您已通过 until it expires.
 */
@Entity
@Table(name = "partner_pending_sign_in")
public class PendingSignIn {

	@Id
	private String id;

	@Column(name = "reader_id", nullable = false)
	private String readerId;

	@Column(name = "client_id", nullable = false)
	private String clientId;

	@Column(name = "authorization_query", nullable = false)
	private String authorizationQuery;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "expires_at", nullable = false)
	private Instant expiresAt;

	protected PendingSignIn() {
	}

	PendingSignIn(String readerId, String clientId, String authorizationQuery, Duration lifetime) {
		this.id = UUID.randomUUID().toString();
		this.readerId = readerId;
		this.clientId = clientId;
		this.authorizationQuery = authorizationQuery;
		this.createdAt = Instant.now();
		this.expiresAt = this.createdAt.plus(lifetime);
	}

	public String getId() {
		return this.id;
	}

	public String getReaderId() {
		return this.readerId;
	}

	public String getClientId() {
		return this.clientId;
	}

	String getAuthorizationQuery() {
		return this.authorizationQuery;
	}

	public Instant getExpiresAt() {
		return this.expiresAt;
	}

	boolean isExpired() {
		return Instant.now().isAfter(this.expiresAt);
	}

}
