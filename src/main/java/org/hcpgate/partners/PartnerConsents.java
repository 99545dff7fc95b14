package org.hcpgate.partners;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.hcpgate.readers.Reader;
import org.hcpgate.readers.ReaderAccountService;
import org.hcpgate.readers.ReaderDataErased;
import org.hcpgate.verification.HcpVerificationEnded;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partners' consent ledger, and the authorization server's view of it: a consent is
 * in force while the reader's newest decision about the partner is an agreement to the
 * partner's current version. Agreements, refusals and withdrawals are rows of their own;
 * a withdrawal removes the partner's authorizations of the reader (codes, access and
 * refresh tokens) in the same transaction.
 */
@Service
public class PartnerConsents implements OAuth2AuthorizationConsentService {

	private static final String SCOPE_PREFIX = "SCOPE_";

	private final PartnerConsentRepository ledger;

	private final PartnerSiteRepository sites;

	private final ReaderAccountService readers;

	private final JdbcTemplate jdbc;

	private final PendingSignInRepository pending;

	private final PartnerAuthorizations authorizations;

	PartnerConsents(PartnerConsentRepository ledger, PartnerSiteRepository sites, ReaderAccountService readers,
			JdbcTemplate jdbc, PendingSignInRepository pending, PartnerAuthorizations authorizations) {
		this.pending = pending;
		this.authorizations = authorizations;
		this.ledger = ledger;
		this.sites = sites;
		this.readers = readers;
		this.jdbc = jdbc;
	}

	/**
	 * The consent in force, or null. The registered client's id is the partner's client
	 * id.
	 */
	@Override
	@Transactional(readOnly = true)
	public OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
		PartnerSite site = this.sites.findById(registeredClientId).orElse(null);
		Reader reader = reader(principalName);
		if (site == null || reader == null) {
			return null;
		}
		return this.ledger.findFirstByReaderIdAndClientIdOrderByIdDesc(reader.getReaderId(), site.getClientId())
			.filter(decision -> decision.holdsFor(site))
			.map(decision -> {
				OAuth2AuthorizationConsent.Builder consent = OAuth2AuthorizationConsent.withId(registeredClientId,
						principalName);
				decision.getScopes().forEach(consent::scope);
				return consent.build();
			})
			.orElse(null);
	}

	/** The reader agreed on the consent page (the server calls this). */
	@Override
	@Transactional
	public void save(OAuth2AuthorizationConsent consent) {
		record(consent.getPrincipalName(), consent.getRegisteredClientId(), scopes(consent),
				PartnerConsent.Choice.AGREED);
	}

	/**
	 * The server calls this when the reader refuses on the consent page after an earlier
	 * agreement: the partner's tokens go ({@link #refuse} records the refusal).
	 */
	@Override
	@Transactional
	public void remove(OAuth2AuthorizationConsent consent) {
		revokeTokens(consent.getPrincipalName(), consent.getRegisteredClientId());
	}

	/** The reader refused on the consent page. */
	@Transactional
	public void refuse(String principalName, String clientId) {
		Reader reader = record(principalName, clientId, Set.of(), PartnerConsent.Choice.REFUSED);
		revokeTokens(principalName, clientId);
		this.pending.deleteAll(this.pending.findByReaderIdAndClientId(reader.getReaderId(), clientId));
	}

	/**
	 * The reader took an agreement back on the account page: recorded, and every code and
	 * token the partner holds for the reader stops working now.
	 * @return false when there was no agreement in force to withdraw (nothing recorded)
	 */
	@Transactional
	public boolean withdraw(Reader reader, String clientId) {
		PartnerSite site = this.sites.findById(clientId).orElse(null);
		if (site == null || this.ledger.findFirstByReaderIdAndClientIdOrderByIdDesc(reader.getReaderId(), clientId)
			.filter(decision -> decision.getChoice() == PartnerConsent.Choice.AGREED)
			.isEmpty()) {
			return false;
		}
		this.ledger.save(new PartnerConsent(reader.getReaderId(), reader.getUsername(), clientId,
				site.getConsentVersion(), Set.of(), PartnerConsent.Choice.WITHDRAWN));
		revokeTokens(reader.getUsername(), clientId);
		this.pending.deleteAll(this.pending.findByReaderIdAndClientId(reader.getReaderId(), clientId));
		return true;
	}

	/** Whether the reader's consent to the partner's current version is in force. */
	@Transactional(readOnly = true)
	public boolean holds(String readerId, PartnerSite site) {
		return inForce(readerId, site).isPresent();
	}

	/** The agreement in force (to the partner's current version), if any. */
	@Transactional(readOnly = true)
	public Optional<PartnerConsent> inForce(String readerId, PartnerSite site) {
		return this.ledger.findFirstByReaderIdAndClientIdOrderByIdDesc(readerId, site.getClientId())
			.filter(decision -> decision.holdsFor(site));
	}

	/**
	 * A partner changed (asks for more, asks less, went elsewhere, was made inactive):
	 * every code, token and consent page in flight of it goes.
	 */
	@Transactional
	public void revokeAllOf(String clientId) {
		this.authorizations.endAllOf(clientId);
	}

	/** The reader's decisions, newest first. */
	@Transactional(readOnly = true)
	public List<PartnerConsent> decisionsOf(String readerId) {
		return this.ledger.findByReaderIdOrderByIdDesc(readerId);
	}

	/**
	 * An account deleted: the partners' tokens go, and the ledger's rows lose the user
	 * name; they stay, by reader id, as the proof of what was shared, like the zones'
	 * consents. (A consent page left open is removed by {@link PendingSignIns} within a
	 * day.)
	 */
	@EventListener
	void onReaderDataErased(ReaderDataErased erased) {
		if (erased.accountDeleted()) {
			endAllFor(erased.readerId());
			this.jdbc.update("update partner_consent set principal_name = '' where reader_id = ?", erased.readerId());
		}
	}

	/**
	 * A verification stopped holding (revoked, finally rejected, …): every partner's
	 * codes and tokens of the reader end in the same transaction, whether or not the
	 * partner needs a verified HCP (what they told, {@code hcp_verified}, is no longer
	 * true). The reader signs in again; a partner that needs a verified HCP holds the
	 * reader until a new verification.
	 */
	@EventListener
	void onVerificationEnded(HcpVerificationEnded ended) {
		endAllFor(ended.readerId());
	}

	/** Every authorization of the reader, under every name the ledger knows. */
	private void endAllFor(String readerId) {
		this.ledger.findByReaderIdOrderByIdDesc(readerId)
			.stream()
			.map(PartnerConsent::getPrincipalName)
			.filter(name -> !name.isEmpty())
			.distinct()
			.forEach(this.authorizations::endAllFor);
	}

	private Reader record(String principalName, String clientId, Set<String> scopes, PartnerConsent.Choice choice) {
		PartnerSite site = this.sites.findById(clientId)
			.orElseThrow(() -> new IllegalStateException("No partner " + clientId));
		Reader reader = reader(principalName);
		if (reader == null) {
			throw new IllegalStateException("No reader signed in as " + principalName);
		}
		this.ledger.save(new PartnerConsent(reader.getReaderId(), principalName, clientId, site.getConsentVersion(),
				scopes, choice));
		return reader;
	}

	private void revokeTokens(String principalName, String clientId) {
		this.authorizations.end(clientId, principalName);
	}

	private static Set<String> scopes(OAuth2AuthorizationConsent consent) {
		return consent.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(authority -> authority.startsWith(SCOPE_PREFIX))
			.map(authority -> authority.substring(SCOPE_PREFIX.length()))
			.collect(Collectors.toSet());
	}

	private Reader reader(String principalName) {
		try {
			return (this.readers.loadUserByUsername(principalName) instanceof Reader reader) ? reader : null;
		}
		catch (UsernameNotFoundException gone) {
			return null;
		}
	}

}
