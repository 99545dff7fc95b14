package org.hcpgate.zones;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Zone rules. Bean {@code zoneService} is called from {@code processes/zone-access.bpmn}
 * ({@code hasInformedConsent}, {@code hasQuestions}, {@code requiresInformationReview} of
 * {@code zoneKey}), so a zone's data decides its route.
 */
@Service("zoneService")
public class ZoneService {

	private final ZoneRepository zones;

	private final ZoneQuestionRepository questions;

	ZoneService(ZoneRepository zones, ZoneQuestionRepository questions) {
		this.zones = zones;
		this.questions = questions;
	}

	@Transactional(readOnly = true)
	public Zone get(String zoneKey) {
		return this.zones.findById(zoneKey).orElseThrow(() -> new UnknownZoneException(zoneKey));
	}

	/**
	 * Publishes a new version of the zone's agreement. Grants are tied to the version a
	 * reader accepted, so the zone closes for every reader until they accept the new one.
	 */
	@Transactional
	public Zone publishAgreement(String zoneKey, String title, String body) {
		Zone zone = get(zoneKey);
		zone.publishAgreement(title, body);
		return zone;
	}

	/** Every zone, by name: the home page lists them. */
	@Transactional(readOnly = true)
	public List<Zone> all() {
		return this.zones.findAll(org.springframework.data.domain.Sort.by("name"));
	}

	@Transactional(readOnly = true)
	public boolean hasInformedConsent(String zoneKey) {
		return get(zoneKey).hasInformedConsent();
	}

	@Transactional(readOnly = true)
	public boolean hasQuestions(String zoneKey) {
		return this.questions.existsByZoneKey(zoneKey);
	}

	@Transactional(readOnly = true)
	public boolean requiresInformationReview(String zoneKey) {
		return get(zoneKey).isInformationReview();
	}

	@Transactional(readOnly = true)
	public List<ZoneQuestion> questions(String zoneKey) {
		return this.questions.findByZoneKeyOrderByPosition(zoneKey);
	}

}
