package org.hcpgate.zones;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Zone rules, and the zone as editors keep it. Bean {@code zoneService} is called from
 * {@code processes/zone-access.bpmn} ({@code hasInformedConsent}, {@code hasQuestions},
 * {@code requiresInformationReview} of {@code zoneKey}), so a zone's data decides its
 * route.
 */
@Service("zoneService")
public class ZoneService {

	private final ZoneRepository zones;

	private final ZoneQuestionRepository questions;

	private final AgreementVersionRepository agreements;

	private final Clock clock = Clock.systemUTC();

	ZoneService(ZoneRepository zones, ZoneQuestionRepository questions, AgreementVersionRepository agreements) {
		this.zones = zones;
		this.questions = questions;
		this.agreements = agreements;
	}

	@Transactional(readOnly = true)
	public Zone get(String zoneKey) {
		return this.zones.findById(zoneKey).orElseThrow(() -> new UnknownZoneException(zoneKey));
	}

	@Transactional(readOnly = true)
	public Optional<Zone> find(String zoneKey) {
		return this.zones.findById(zoneKey);
	}

	@Transactional(readOnly = true)
	public Optional<Zone> findByCmsId(String cmsId) {
		return this.zones.findByCmsId(cmsId);
	}

	/** Every zone, hidden ones too, in their order: what editors keep. */
	@Transactional(readOnly = true)
	public List<Zone> all() {
		return this.zones.findAll(Sort.by("position", "name"));
	}

	/** The zones readers see (the home page), in their order. */
	@Transactional(readOnly = true)
	public List<Zone> listed() {
		return all().stream().filter(Zone::isPublished).toList();
	}

	/**
	 * A new zone, its agreement's first text in force as version 1 at once (a zone
	 * without an agreement could not be entered).
	 */
	@Transactional
	public Zone create(String zoneKey, ZoneEdit edit, String agreementTitle, String agreementBody, String editor) {
		if (this.zones.existsById(zoneKey)) {
			throw new ZoneKeyTakenException(zoneKey);
		}
		Zone zone = new Zone(zoneKey, edit.name(), agreementTitle, agreementBody, 0);
		zone.edit(edit);
		this.zones.saveAndFlush(zone);
		saveAgreementDraft(zoneKey, agreementTitle, agreementBody, editor);
		publishAgreementDraft(zoneKey, editor);
		return zone;
	}

	/** Changes a zone's edit, its row locked like a publication's. */
	@Transactional
	public Zone update(String zoneKey, ZoneEdit edit) {
		Zone zone = this.zones.lockByKey(zoneKey).orElseThrow(() -> new UnknownZoneException(zoneKey));
		zone.edit(edit);
		return zone;
	}

	/** The zone admits verified readers of these professions only (none: every one). */
	@Transactional
	public void admit(String zoneKey, Set<String> professions) {
		this.zones.lockByKey(zoneKey).orElseThrow(() -> new UnknownZoneException(zoneKey)).admit(professions);
	}

	@Transactional
	public void identifyInCms(String zoneKey, String cmsId) {
		get(zoneKey).identifyInCms(cmsId);
	}

	/**
	 * The zone's questions become these, in this order: a question named by its id is
	 * changed in place, one without an id is added, and one left out is retired (its
	 * answers stay readable against it).
	 */
	@Transactional
	public List<ZoneQuestion> replaceQuestions(String zoneKey, List<QuestionEdit> wanted) {
		get(zoneKey);
		Map<Long, ZoneQuestion> current = new HashMap<>();
		for (ZoneQuestion question : this.questions.findByZoneKeyOrderByPositionAscIdAsc(zoneKey)) {
			current.put(question.getId(), question);
		}
		List<ZoneQuestion> kept = new ArrayList<>();
		int position = 1;
		for (QuestionEdit edit : wanted) {
			ZoneQuestion question = (edit.id() != null) ? current.remove(edit.id()) : null;
			if (question == null) {
				question = this.questions.save(ZoneQuestion.of(zoneKey, position, edit));
			}
			else {
				question.update(position, edit);
			}
			kept.add(question);
			position++;
		}
		for (ZoneQuestion removed : current.values()) {
			if (!removed.isRetired()) {
				removed.retire();
			}
		}
		return kept;
	}

	/** Writes the zone's agreement draft (there is at most one), new or changed. */
	@Transactional
	public AgreementVersion saveAgreementDraft(String zoneKey, String title, String body, String editor) {
		this.zones.lockByKey(zoneKey).orElseThrow(() -> new UnknownZoneException(zoneKey));
		Optional<AgreementVersion> draft = this.agreements.findFirstByZoneKeyAndVersionIsNull(zoneKey);
		if (draft.isPresent()) {
			draft.get().edit(title, body, editor, this.clock.instant());
			return draft.get();
		}
		return this.agreements.save(new AgreementVersion(zoneKey, title, body, editor, this.clock.instant()));
	}

	/**
	 * Publishes the zone's draft as the next version and puts it in force: every reader
	 * who accepted an older version is asked again on their next visit (grants are tied
	 * to the version accepted). The zone's row is locked, so two editors publishing at
	 * once make one version, not two.
	 * @return the version published, or empty if there was no draft (already published)
	 */
	@Transactional
	public Optional<AgreementVersion> publishAgreementDraft(String zoneKey, String editor) {
		Zone zone = this.zones.lockByKey(zoneKey).orElseThrow(() -> new UnknownZoneException(zoneKey));
		Optional<AgreementVersion> draft = this.agreements.findFirstByZoneKeyAndVersionIsNull(zoneKey);
		draft.ifPresent(version -> {
			version.publish(zone.getAgreementVersion() + 1, editor, this.clock.instant());
			this.agreements.flush();
			zone.putAgreementInForce(version);
		});
		return draft;
	}

	/** A new version of the agreement, written and published at once. */
	@Transactional
	public AgreementVersion publishAgreement(String zoneKey, String title, String body, String editor) {
		saveAgreementDraft(zoneKey, title, body, editor);
		return publishAgreementDraft(zoneKey, editor).orElseThrow();
	}

	@Transactional
	public void identifyAgreementInCms(AgreementVersion version, String cmsId) {
		this.agreements.findById(version.getId()).orElseThrow().identifyInCms(cmsId);
	}

	/** The draft, if an editor is writing one. */
	@Transactional(readOnly = true)
	public Optional<AgreementVersion> agreementDraft(String zoneKey) {
		return this.agreements.findFirstByZoneKeyAndVersionIsNull(zoneKey);
	}

	/** The published versions, newest first. */
	@Transactional(readOnly = true)
	public List<AgreementVersion> agreementVersions(String zoneKey) {
		return this.agreements.findByZoneKeyOrderByVersionDesc(zoneKey).stream().filter(v -> !v.isDraft()).toList();
	}

	@Transactional(readOnly = true)
	public Optional<AgreementVersion> agreementVersion(String zoneKey, int version) {
		return this.agreements.findByZoneKeyAndVersion(zoneKey, version);
	}

	@Transactional(readOnly = true)
	public Optional<AgreementVersion> agreementByCmsId(String zoneKey, String cmsId) {
		return this.agreements.findByZoneKeyAndCmsId(zoneKey, cmsId);
	}

	@Transactional(readOnly = true)
	public boolean hasInformedConsent(String zoneKey) {
		return get(zoneKey).hasInformedConsent();
	}

	@Transactional(readOnly = true)
	public boolean hasQuestions(String zoneKey) {
		return this.questions.existsByZoneKeyAndRetiredFalse(zoneKey);
	}

	@Transactional(readOnly = true)
	public boolean requiresInformationReview(String zoneKey) {
		return get(zoneKey).isInformationReview();
	}

	/** The questions readers are asked now, in order. */
	@Transactional(readOnly = true)
	public List<ZoneQuestion> questions(String zoneKey) {
		return this.questions.findByZoneKeyAndRetiredFalseOrderByPosition(zoneKey);
	}

	/**
	 * Every question the zone asked, retired ones too: old answers are read against
	 * these.
	 */
	@Transactional(readOnly = true)
	public List<ZoneQuestion> questionsEverAsked(String zoneKey) {
		return this.questions.findByZoneKeyOrderByPositionAscIdAsc(zoneKey);
	}

}
