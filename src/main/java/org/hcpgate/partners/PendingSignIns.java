package org.hcpgate.partners;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.hcpgate.journey.AfterJourney;
import org.hcpgate.readers.ReaderDataErased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partners' sign-ins that wait for a reader's verification, kept in the database (the
 * review may take days, the reader may come back on another node or after signing in
 * again), and where 您已通过 sends the reader: back to the partner while one waits.
 */
@Service
public class PendingSignIns implements AfterJourney {

	private final PendingSignInRepository pending;

	private final PartnerSettings settings;

	private final JdbcTemplate jdbc;

	private final PartnerSiteRepository sites;

	PendingSignIns(PendingSignInRepository pending, PartnerSettings settings, JdbcTemplate jdbc,
			PartnerSiteRepository sites) {
		this.sites = sites;
		this.pending = pending;
		this.settings = settings;
		this.jdbc = jdbc;
	}

	@Transactional
	public PendingSignIn remember(String readerId, String clientId, String authorizationQuery) {
		// one waiting sign-in per reader and partner: the newest request replaces older
		// ones
		this.pending.deleteAll(this.pending.findByReaderIdAndClientId(readerId, clientId));
		return this.pending
			.save(new PendingSignIn(readerId, clientId, authorizationQuery, this.settings.pendingSignInLifetime()));
	}

	/** One of the reader's own waiting sign-ins; empty for anyone else's. */
	@Transactional(readOnly = true)
	public Optional<PendingSignIn> own(String readerId, String id) {
		return this.pending.findById(id).filter(p -> p.getReaderId().equals(readerId));
	}

	/** The partner let the reader in: nothing waits any longer. */
	@Transactional
	public void completed(String readerId, String clientId) {
		this.pending.deleteAll(this.pending.findByReaderIdAndClientId(readerId, clientId));
	}

	/**
	 * 您已通过 in the zone whose journey a waiting partner sent the reader into: back to that
	 * partner (the newest, if several wait on the same zone).
	 */
	@Override
	@Transactional(readOnly = true)
	public Optional<String> returnPath(String readerId, String zoneKey) {
		return this.pending.findByReaderIdAndExpiresAtAfterOrderByCreatedAtDesc(readerId, Instant.now())
			.stream()
			.filter(waiting -> this.sites.findById(waiting.getClientId())
				.map(site -> zoneKey.equals(site.getJourneyZoneKey()))
				.orElse(false))
			.findFirst()
			.map(waiting -> "/partners/continue/" + waiting.getId());
	}

	/**
	 * Every node, now and then: waiting sign-ins past their time, authorizations whose
	 * code and tokens all expired (the server never removes them itself), and consent
	 * pages left open for a day. Plain deletes of what is over, so two nodes doing it at
	 * once do no harm.
	 */
	@Scheduled(fixedDelayString = "${hcp-gate.partners.cleanup-interval:PT10M}", initialDelayString = "PT2M")
	@Transactional
	public void removeExpired() {
		Instant now = Instant.now();
		this.pending.deleteExpired(now);
		Timestamp never = Timestamp.from(Instant.EPOCH);
		this.jdbc.update(
				"delete from oauth2_authorization where (authorization_code_value is not null"
						+ " or access_token_value is not null) and greatest(coalesce(authorization_code_expires_at, ?),"
						+ " coalesce(access_token_expires_at, ?), coalesce(refresh_token_expires_at, ?)) < ?",
				never, never, never, Timestamp.from(now));
		// a consent page left open: its authorization holds the reader but no code yet
		this.jdbc.update(
				"delete from oauth2_authorization where authorization_code_value is null"
						+ " and access_token_value is null and created_at < ?",
				Timestamp.from(now.minus(Duration.ofDays(1))));
	}

	@EventListener
	@Transactional
	void onReaderDataErased(ReaderDataErased erased) {
		if (erased.accountDeleted()) {
			this.pending.deleteByReaderId(erased.readerId());
		}
	}

}
