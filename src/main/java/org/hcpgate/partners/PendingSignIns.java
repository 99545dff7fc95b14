package org.hcpgate.partners;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.hcpgate.journey.AfterJourney;
import org.hcpgate.readers.ReaderDataErased;
import org.springframework.context.event.EventListener;
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

	private final PartnerAuthorizations authorizations;

	private final PartnerSiteRepository sites;

	PendingSignIns(PendingSignInRepository pending, PartnerSettings settings, PartnerAuthorizations authorizations,
			PartnerSiteRepository sites) {
		this.sites = sites;
		this.pending = pending;
		this.settings = settings;
		this.authorizations = authorizations;
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
		this.authorizations.removeExpired(now, now.minus(Duration.ofDays(1)));
	}

	@EventListener
	@Transactional
	void onReaderDataErased(ReaderDataErased erased) {
		if (erased.accountDeleted()) {
			this.pending.deleteByReaderId(erased.readerId());
		}
	}

}
