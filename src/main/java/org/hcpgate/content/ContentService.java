package org.hcpgate.content;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hcpgate.articles.Article;
import org.hcpgate.articles.ArticleBody;
import org.hcpgate.articles.ArticlePicture;
import org.hcpgate.articles.ArticlePictures;
import org.hcpgate.articles.ArticleService;
import org.hcpgate.professions.Profession;
import org.hcpgate.professions.ProfessionCatalogue;
import org.hcpgate.reasons.ReasonCatalogue;
import org.hcpgate.reasons.ReasonCode;
import org.hcpgate.zones.AgreementVersion;
import org.hcpgate.zones.QuestionEdit;
import org.hcpgate.zones.Zone;
import org.hcpgate.zones.ZoneQuestion;
import org.hcpgate.zones.ZoneService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * What editors do to content, whichever door they come through (the staff pages, the
 * content API, the demo set-up): each change is validated the same way and audited in its
 * own transaction.
 */
@Service
public class ContentService {

	static final String ZONE = "zone";

	static final String AGREEMENT = "agreement";

	static final String ARTICLE = "article";

	static final String PROFESSION = "profession";

	static final String DEPARTMENTS = "departments";

	static final String REASON = "reason";

	private final ZoneService zones;

	private final ArticleService articles;

	private final ContentAudit audit;

	private final ProfessionCatalogue professions;

	private final ReasonCatalogue reasons;

	private final ArticlePictures pictures;

	private final ZoneId siteTime;

	ContentService(ZoneService zones, ArticleService articles, ContentAudit audit, ProfessionCatalogue professions,
			ReasonCatalogue reasons, ArticlePictures pictures,
			@Value("${hcp-gate.content.time-zone:Asia/Shanghai}") ZoneId siteTime) {
		this.pictures = pictures;
		this.reasons = reasons;
		this.professions = professions;
		this.zones = zones;
		this.articles = articles;
		this.audit = audit;
		this.siteTime = siteTime;
	}

	/** The site's local time, in which editors schedule articles. */
	public ZoneId siteTime() {
		return this.siteTime;
	}

	/**
	 * The rules across fields that annotations cannot say: a new zone's key is free and
	 * its agreement written; an informed consent has a title; a choice question has two
	 * options or more, none with a separator in it.
	 */
	public void validate(ZoneForm form, boolean isNew, Errors errors) {
		if (isNew) {
			if (form.getKey() == null || form.getKey().isBlank()) {
				errors.rejectValue("key", "validation.required");
			}
			else if (this.zones.find(form.getKey()).isPresent() || RESERVED_KEYS.contains(form.getKey())) {
				errors.rejectValue("key", "content.zone.key.taken");
			}
			if (form.getAgreementTitle() == null || form.getAgreementTitle().isBlank()) {
				errors.rejectValue("agreementTitle", "validation.required");
			}
			if (form.getAgreementBody() == null || form.getAgreementBody().isBlank()) {
				errors.rejectValue("agreementBody", "validation.required");
			}
		}
		boolean consentBody = form.getInformedConsentBody() != null && !form.getInformedConsentBody().isBlank();
		boolean consentTitle = form.getInformedConsentTitle() != null && !form.getInformedConsentTitle().isBlank();
		if (consentBody && !consentTitle) {
			errors.rejectValue("informedConsentTitle", "validation.required");
		}
		for (String profession : form.admittedProfessions()) {
			if (this.professions.find(profession).isEmpty()) {
				errors.rejectValue("professions", "content.zone.professions.unknown", new Object[] { profession },
						null);
			}
		}
		List<ZoneForm.QuestionRow> rows = form.getQuestions();
		for (int i = 0; i < rows.size(); i++) {
			ZoneForm.QuestionRow row = rows.get(i);
			if (row.isBlank()) {
				continue;
			}
			String field = "questions[" + i + "]";
			if (row.getText() == null || row.getText().isBlank()) {
				errors.rejectValue(field + ".text", "validation.required");
			}
			if (row.getKind().hasOptions()) {
				List<String> options = row.getOptions();
				if (options.size() < 2) {
					errors.rejectValue(field + ".optionsText", "content.question.options.too-few");
				}
				else if (options.stream()
					.anyMatch(o -> o.contains(ZoneQuestion.CHOICE_SEPARATOR) || o.contains("|") || o.length() > 100)) {
					errors.rejectValue(field + ".optionsText", "content.question.options.invalid");
				}
				else if (options.stream().distinct().count() < options.size()) {
					errors.rejectValue(field + ".optionsText", "content.question.options.repeated");
				}
				else if (String.join("|", options).length() > MAX_OPTIONS_LENGTH) {
					errors.rejectValue(field + ".optionsText", "validation.too-long");
				}
			}
		}
	}

	@Transactional
	public Zone createZone(ZoneForm form, Editor editor) {
		Zone zone = this.zones.create(form.getKey(), form.edit(), form.getAgreementTitle().strip(),
				form.getAgreementBody().strip(), editor.staffId());
		this.zones.replaceQuestions(zone.getKey(), form.questionEdits());
		this.zones.admit(zone.getKey(), form.admittedProfessions());
		this.audit.record(editor, ZONE, zone.getKey(), "created", null, snapshot(zone.getKey()));
		return zone;
	}

	/** A zone the CMS creates, known to it by its own id from then on. */
	@Transactional
	public Zone createZoneFromCms(ZoneForm form, String cmsId, Editor editor) {
		Zone zone = this.zones.create(form.getKey(), form.edit(), form.getAgreementTitle().strip(),
				form.getAgreementBody().strip(), editor.staffId());
		this.zones.identifyInCms(zone.getKey(), cmsId);
		this.zones.replaceQuestions(zone.getKey(), form.questionEdits());
		this.zones.admit(zone.getKey(), form.admittedProfessions());
		this.audit.record(editor, ZONE, zone.getKey(), "created", null, snapshot(zone.getKey()));
		return zone;
	}

	/**
	 * Changes a zone's settings and questions (its agreement has versions of its own).
	 */
	@Transactional
	public boolean updateZone(String zoneKey, ZoneForm form, Editor editor) {
		Map<String, Object> before = snapshot(zoneKey);
		this.zones.update(zoneKey, form.edit());
		this.zones.replaceQuestions(zoneKey, form.questionEdits());
		this.zones.admit(zoneKey, form.admittedProfessions());
		return this.audit.record(editor, ZONE, zoneKey, "changed", before, snapshot(zoneKey));
	}

	@Transactional
	public AgreementVersion saveAgreementDraft(String zoneKey, AgreementForm form, Editor editor) {
		Optional<AgreementVersion> draft = this.zones.agreementDraft(zoneKey);
		Map<String, Object> before = draft.map(ContentService::snapshot).orElse(null);
		AgreementVersion saved = this.zones.saveAgreementDraft(zoneKey, form.getTitle().strip(), form.getBody().strip(),
				editor.staffId());
		this.audit.record(editor, AGREEMENT, zoneKey, "draft-saved", before, snapshot(saved));
		return saved;
	}

	/**
	 * Publishes the zone's draft: readers who accepted an older version are asked again.
	 * @return the version published, or empty if there was no draft (a second click)
	 */
	@Transactional
	public Optional<AgreementVersion> publishAgreementDraft(String zoneKey, Editor editor) {
		Optional<AgreementVersion> published = this.zones.publishAgreementDraft(zoneKey, editor.staffId());
		published.ifPresent(version -> this.audit.record(editor, AGREEMENT, zoneKey, "published",
				Map.of("versionInForce", version.getVersion() - 1), snapshot(version)));
		return published;
	}

	/** A version the CMS publishes at once, known to it by its own id. */
	@Transactional
	public AgreementVersion publishAgreementFromCms(String zoneKey, AgreementForm form, String cmsId, Editor editor) {
		saveAgreementDraft(zoneKey, form, editor);
		AgreementVersion version = publishAgreementDraft(zoneKey, editor).orElseThrow();
		this.zones.identifyAgreementInCms(version, cmsId);
		return version;
	}

	@Transactional
	public Article createArticleFromCms(ArticleForm form, String cmsId, Editor editor) {
		Article article = createArticle(form, editor);
		this.articles.identifyInCms(article.getId(), cmsId);
		return article;
	}

	/** Keys that name pages of their own: no zone, profession or reason may take them. */
	static final Set<String> RESERVED_KEYS = Set.of("new", "departments", "changes");

	/**
	 * The page shows the sanitised body, whose column has room for
	 * {@value #MAX_BODY_LENGTH} characters: a source within its limit can grow past it as
	 * HTML (Markdown's tags, the sanitiser's entities).
	 */
	static final int MAX_BODY_LENGTH = 100_000;

	/** The room a question's options have, joined (zone_question.options). */
	static final int MAX_OPTIONS_LENGTH = 2_000;

	public void validate(ArticleForm form, Errors errors) {
		if (form.getZoneKey() != null && !form.getZoneKey().isBlank() && this.zones.find(form.getZoneKey()).isEmpty()) {
			errors.rejectValue("zoneKey", "content.article.zone.unknown");
		}
		if (form.getBody() != null && form.getBodyFormat() != null && !errors.hasFieldErrors("body")
				&& ArticleBody.sanitise(form.getBodyFormat(), form.getBody()).length() > MAX_BODY_LENGTH) {
			errors.rejectValue("body", "content.article.body.too-long-as-html");
		}
	}

	@Transactional
	public Article createArticle(ArticleForm form, Editor editor) {
		this.zones.get(form.getZoneKey());
		Article article = this.articles.create(form.edit(this.siteTime, null, Instant.now()));
		this.audit.record(editor, ARTICLE, article.getId().toString(), "created", null, snapshot(article));
		return article;
	}

	@Transactional
	public boolean updateArticle(long id, ArticleForm form, Editor editor) {
		this.zones.get(form.getZoneKey());
		Article article = this.articles.find(id).orElseThrow();
		Map<String, Object> before = snapshot(article);
		this.articles.update(id, form.edit(this.siteTime, article.getPublishedAt(), Instant.now()));
		return this.audit.record(editor, ARTICLE, Long.toString(id), "changed", before, snapshot(article));
	}

	/** A licence pattern must be a regular expression, and a profession needs titles. */
	public void validate(ProfessionForm form, Errors errors) {
		if (form.getCode() != null && RESERVED_KEYS.contains(form.getCode())) {
			errors.rejectValue("code", "content.profession.code.taken");
		}
		if (form.getLicencePattern() != null && !form.getLicencePattern().isBlank()
				&& !ProfessionCatalogue.isValidPattern(form.getLicencePattern().strip())) {
			errors.rejectValue("licencePattern", "content.profession.pattern.invalid");
		}
		if (form.titles().isEmpty()) {
			errors.rejectValue("titlesText", "content.profession.titles.required");
		}
		else if (form.titles().stream().anyMatch(t -> t.length() > 100)) {
			errors.rejectValue("titlesText", "validation.too-long");
		}
	}

	@Transactional
	public boolean saveProfession(String code, ProfessionForm form, Editor editor) {
		Map<String, Object> before = this.professions.find(code).map(p -> snapshot(p)).orElse(null);
		Profession saved = this.professions.save(code, form.edit());
		return this.audit.record(editor, PROFESSION, code, (before == null) ? "created" : "changed", before,
				snapshot(saved));
	}

	/** The departments an editor typed, one per line, without blanks or repeats. */
	static List<String> departments(String text) {
		return (text == null) ? List.of()
				: text.lines().map(String::strip).filter(n -> !n.isEmpty()).distinct().toList();
	}

	/** At least one department, none longer than its column. */
	static String departmentsError(String text) {
		List<String> names = departments(text);
		if (names.isEmpty()) {
			return "content.departments.required";
		}
		return names.stream().anyMatch(n -> n.length() > 100) ? "content.departments.too-long" : null;
	}

	@Transactional
	public boolean replaceDepartments(List<String> names, Editor editor) {
		List<String> before = this.professions.departments();
		List<String> wanted = names.stream().map(String::strip).filter(n -> !n.isEmpty()).distinct().toList();
		if (before.equals(wanted)) {
			return false;
		}
		this.professions.replaceDepartments(wanted);
		return this.audit.record(editor, DEPARTMENTS, "departments", "changed", before, wanted);
	}

	@Transactional
	public boolean saveReason(String code, ReasonForm form, Editor editor) {
		Map<String, Object> before = this.reasons.find(code).map(ContentService::snapshot).orElse(null);
		ReasonCode saved = this.reasons.save(code, form.edit());
		return this.audit.record(editor, REASON, code, (before == null) ? "created" : "changed", before,
				snapshot(saved));
	}

	static Map<String, Object> snapshot(ReasonCode reason) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("code", reason.getCode());
		state.put("label", reason.getLabel());
		state.put("labelEn", reason.getLabelEn());
		state.put("finalByDefault", reason.isFinalByDefault());
		state.put("position", reason.getPosition());
		state.put("active", reason.isActive());
		return state;
	}

	private Map<String, Object> snapshot(Profession profession) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("code", profession.getCode());
		state.put("name", profession.getName());
		state.put("nameEn", profession.getNameEn());
		state.put("position", profession.getPosition());
		state.put("licencePattern", profession.getLicencePattern());
		state.put("licenceHint", profession.getLicenceHint());
		state.put("licenceHintEn", profession.getLicenceHintEn());
		state.put("active", profession.isActive());
		state.put("titles", this.professions.titles(profession.getCode()));
		return state;
	}

	/**
	 * A picture for an article, re-encoded on its way in.
	 * @throws ArticlePictures.PictureTooLargeException over the limit
	 * @throws org.hcpgate.vault.UnacceptableDocumentException when no JPEG, PNG or PDF
	 */
	@Transactional
	public ArticlePicture addPicture(long articleId, byte[] bytes, Editor editor) {
		ArticlePicture picture = this.pictures.add(articleId, bytes, editor.staffId());
		Map<String, Object> added = new LinkedHashMap<>();
		added.put("picture", picture.getPath());
		added.put("contentType", picture.getContentType());
		added.put("sizeBytes", picture.getSizeBytes());
		this.audit.record(editor, ARTICLE, Long.toString(articleId), "picture-added", null, added);
		return picture;
	}

	/** A zone as the audit keeps it: its edit and its questions. */
	Map<String, Object> snapshot(String zoneKey) {
		Zone zone = this.zones.get(zoneKey);
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("key", zone.getKey());
		state.put("name", zone.getName());
		state.put("description", zone.getDescription());
		state.put("position", zone.getPosition());
		state.put("published", zone.isPublished());
		state.put("audienceNotice", zone.getAudienceNotice());
		state.put("informedConsentTitle", zone.getInformedConsentTitle());
		state.put("informedConsentBody", zone.getInformedConsentBody());
		state.put("informedConsentVersion", zone.getInformedConsentVersion());
		state.put("informationReview", zone.isInformationReview());
		state.put("professions", zone.getAdmittedProfessions());
		state.put("agreementVersion", zone.getAgreementVersion());
		state.put("cmsId", zone.getCmsId());
		state.put("questions",
				this.zones.questions(zoneKey)
					.stream()
					.map(q -> new QuestionEdit(q.getId(), q.getText(), q.getKind(), q.getOptions(), q.isRequired()))
					.toList());
		return state;
	}

	static Map<String, Object> snapshot(AgreementVersion version) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("zoneKey", version.getZoneKey());
		state.put("version", version.getVersion());
		state.put("title", version.getTitle());
		state.put("body", version.getBody());
		state.put("cmsId", version.getCmsId());
		return state;
	}

	static Map<String, Object> snapshot(Article article) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("id", article.getId());
		state.put("zoneKey", article.getZoneKey());
		state.put("gated", article.isGated());
		state.put("title", article.getTitle());
		state.put("author", article.getAuthor());
		state.put("tag", article.getTag());
		state.put("publishedOn", article.getPublishedOn());
		state.put("teaser", article.getTeaser());
		state.put("bodyFormat", article.getBodyFormat());
		state.put("body", article.getBodySource());
		state.put("publishedAt", article.getPublishedAt());
		state.put("cmsId", article.getCmsId());
		return state;
	}

}
