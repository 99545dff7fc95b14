package org.hcpgate.partners;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one owner of what Spring Authorization Server keeps of partners' sign-ins
 * ({@code oauth2_authorization}: codes, tokens and consent pages in flight): whatever
 * ends them ends them here, in the caller's transaction. Plain deletes, so two nodes
 * doing the same at once do no harm.
 */
@Component
class PartnerAuthorizations {

	private final JdbcTemplate jdbc;

	PartnerAuthorizations(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Every authorization of a partner: it changed, or was made inactive. */
	@Transactional
	int endAllOf(String clientId) {
		return this.jdbc.update("delete from oauth2_authorization where registered_client_id = ?", clientId);
	}

	/** Every authorization of one signed-in reader (an account deleted). */
	@Transactional
	int endAllFor(String principalName) {
		return this.jdbc.update("delete from oauth2_authorization where principal_name = ?", principalName);
	}

	/**
	 * The authorizations of one reader at one partner (a consent withdrawn or changed).
	 */
	@Transactional
	int end(String clientId, String principalName) {
		return this.jdbc.update(
				"delete from oauth2_authorization where registered_client_id = ? and principal_name = ?", clientId,
				principalName);
	}

	/**
	 * Authorizations whose code and tokens all expired (the server never removes them
	 * itself), and consent pages left open since {@code abandonedBefore}: they hold the
	 * reader but no code yet.
	 */
	@Transactional
	int removeExpired(Instant now, Instant abandonedBefore) {
		Timestamp never = Timestamp.from(Instant.EPOCH);
		int expired = this.jdbc.update(
				"delete from oauth2_authorization where (authorization_code_value is not null"
						+ " or access_token_value is not null) and greatest(coalesce(authorization_code_expires_at, ?),"
						+ " coalesce(access_token_expires_at, ?), coalesce(refresh_token_expires_at, ?)) < ?",
				never, never, never, Timestamp.from(now));
		return expired + this.jdbc.update("delete from oauth2_authorization where authorization_code_value is null"
				+ " and access_token_value is null and created_at < ?", Timestamp.from(abandonedBefore));
	}

}
