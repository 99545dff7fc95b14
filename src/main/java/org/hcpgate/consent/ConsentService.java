package org.hcpgate.consent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.hcpgate.consent.Consent.Choice;
import org.hcpgate.consent.Consent.Document;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ConsentService {

	private final ConsentRepository consents;

	private final ApplicationEventPublisher events;

	ConsentService(ConsentRepository consents, ApplicationEventPublisher events) {
		this.consents = consents;
		this.events = events;
	}

	/**
	 * Records a decision. Must join the transaction that completes the reader's task, so
	 * the record and the process move commit together or not at all.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Consent record(String readerId, String zoneKey, Document document, int version, boolean agreed,
			String clientAddress, String processInstanceId, String taskId) {
		return this.consents.save(new Consent(readerId, zoneKey, document, version,
				agreed ? Choice.AGREED : Choice.REFUSED, clientAddress, processInstanceId, taskId));
	}

	/**
	 * The reader takes back their agreement to a zone: recorded, and
	 * {@link AgreementWithdrawn} tells the rest in the same transaction: the zone closes
	 * at once (the zone-access read model) and what rests on the agreement is erased
	 * (privacy). The next visit asks for the agreement again.
	 * @return whether there was an agreement in force to withdraw
	 */
	@Transactional
	public boolean withdrawAgreement(String readerId, String zoneKey, String clientAddress) {
		Optional<Consent> inForce = agreementInForce(readerId, zoneKey);
		if (inForce.isEmpty()) {
			return false;
		}
		this.consents.save(new Consent(readerId, zoneKey, Document.AGREEMENT, inForce.get().getDocumentVersion(),
				Choice.WITHDRAWN, clientAddress, null, null));
		this.events.publishEvent(new AgreementWithdrawn(readerId, zoneKey));
		return true;
	}

	/** The reader's last agreement decision on a zone, if it is an agreement. */
	@Transactional(readOnly = true)
	public Optional<Consent> agreementInForce(String readerId, String zoneKey) {
		return this.consents
			.findFirstByReaderIdAndZoneKeyAndDocumentOrderByDecidedAtDescIdDesc(readerId, zoneKey, Document.AGREEMENT)
			.filter(c -> c.getChoice() == Choice.AGREED);
	}

	/**
	 * Zones whose agreement the reader has given and not taken back: what they may
	 * withdraw.
	 */
	@Transactional(readOnly = true)
	public Set<String> zonesAgreedTo(String readerId) {
		Map<String, Consent> latest = new LinkedHashMap<>();
		for (Consent consent : of(readerId)) {
			if (consent.getDocument() == Document.AGREEMENT) {
				latest.putIfAbsent(consent.getZoneKey(), consent);
			}
		}
		Set<String> zones = new TreeSet<>();
		latest.forEach((zone, consent) -> {
			if (consent.getChoice() == Choice.AGREED) {
				zones.add(zone);
			}
		});
		return zones;
	}

	/** How many times a version of the zone's agreement was accepted. */
	@Transactional(readOnly = true)
	public long agreementAcceptorCount(String zoneKey, int version) {
		return this.consents.countByZoneKeyAndDocumentAndDocumentVersionAndChoice(zoneKey, Document.AGREEMENT, version,
				Choice.AGREED);
	}

	/** Who accepted a version of the zone's agreement, and when: the newest first. */
	@Transactional(readOnly = true)
	public List<Consent> agreementAcceptors(String zoneKey, int version, int limit) {
		return this.consents.findByZoneKeyAndDocumentAndDocumentVersionAndChoiceOrderByDecidedAtDescIdDesc(zoneKey,
				Document.AGREEMENT, version, Choice.AGREED, PageRequest.of(0, limit));
	}

	@Transactional(readOnly = true)
	public List<Consent> of(String readerId) {
		return this.consents.findByReaderIdOrderByDecidedAtDescIdDesc(readerId);
	}

}
