package org.hcpgate.content;

import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.hcpgate.articles.Article;
import org.hcpgate.articles.ArticleService;
import org.hcpgate.zones.AgreementVersion;
import org.hcpgate.zones.Zone;
import org.hcpgate.zones.ZoneKeyTakenException;
import org.hcpgate.zones.ZoneQuestion;
import org.hcpgate.zones.ZoneService;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * The content API for a CMS that publishes into HCP Gate: idempotent upserts keyed by the
 * CMS's own ids ({@code PUT} the same thing twice, and the second changes and audits
 * nothing). Staff accounts of {@code hcp-editors} only, by HTTP Basic
 * ({@code security/ContentApiSecurity}); described at {@code /api/docs}.
 */
@RestController
@RequestMapping("/api/content")
@SecurityScheme(name = "staff", type = SecuritySchemeType.HTTP, scheme = "basic",
		description = "A staff account of the group hcp-editors")
@Tag(name = "content", description = "Zones, their questions and agreement versions, and articles, by the CMS's ids")
@SecurityRequirement(name = "staff")
class ContentApiController {

	static final int MAX_CMS_ID_LENGTH = 200;

	private final ContentService content;

	private final ZoneService zones;

	private final ArticleService articles;

	private final MessageSource messages;

	private final SpringValidatorAdapter validator;

	ContentApiController(ContentService content, ZoneService zones, ArticleService articles, MessageSource messages,
			Validator validator) {
		this.validator = new SpringValidatorAdapter(validator);
		this.content = content;
		this.zones = zones;
		this.articles = articles;
		this.messages = messages;
	}

	@GetMapping("/zones")
	@Operation(summary = "Every zone, hidden ones too, with its questions")
	List<Map<String, Object>> zones() {
		return this.zones.all().stream().map(zone -> this.content.snapshot(zone.getKey())).toList();
	}

	@GetMapping("/zones/{cmsId}")
	@Operation(summary = "The zone the CMS knows by this id")
	Map<String, Object> zone(@PathVariable String cmsId) {
		return this.content.snapshot(zoneByCmsId(cmsId).getKey());
	}

	@PutMapping("/zones/{cmsId}")
	@Operation(summary = "Creates or changes a zone",
			description = "Creating needs key, name and agreementTitle/agreementBody (published as version 1). "
					+ "A question is matched to the zone's question with the same text; one left out is retired. "
					+ "The key never changes; agreement texts change through agreement versions.")
	ResponseEntity<Object> putZone(@PathVariable String cmsId, @Validated @RequestBody ZoneForm form,
			BindingResult result, Principal principal, HttpServletRequest request) {
		Locale locale = locale(request);
		requireCmsId(cmsId);
		Optional<Zone> existing = this.zones.findByCmsId(cmsId);
		if (existing.isPresent() && form.getKey() != null && !form.getKey().equals(existing.get().getKey())) {
			result.rejectValue("key", "content.api.key-fixed");
		}
		if (existing.isPresent()) {
			form.setKey(existing.get().getKey());
			fillQuestionIds(form, this.zones.questions(existing.get().getKey()));
		}
		this.content.validate(form, existing.isEmpty(), result);
		if (result.hasErrors()) {
			return ResponseEntity.badRequest().body(problem(result, locale));
		}
		Editor editor = editor(principal);
		if (existing.isPresent()) {
			this.content.updateZone(existing.get().getKey(), form, editor);
			return ResponseEntity.ok(this.content.snapshot(existing.get().getKey()));
		}
		Zone zone = this.content.createZoneFromCms(form, cmsId, editor);
		return ResponseEntity.created(URI.create("/api/content/zones/" + cmsId))
			.body(this.content.snapshot(zone.getKey()));
	}

	@PutMapping("/zones/{cmsId}/questions")
	@Operation(summary = "Replaces a zone's questions",
			description = "The list in order; a question is matched to the zone's question with the same text "
					+ "(its kind and options may change), one left out is retired (its answers stay readable). "
					+ "The same list twice changes nothing.")
	ResponseEntity<Object> putQuestions(@PathVariable String cmsId, @RequestBody List<ZoneForm.QuestionRow> questions,
			Principal principal, HttpServletRequest request) {
		Locale locale = locale(request);
		Zone zone = zoneByCmsId(cmsId);
		ZoneForm form = ZoneForm.of(zone, this.zones.questions(zone.getKey()));
		form.setQuestions(new ArrayList<>(questions));
		form.getQuestions().forEach(row -> row.setId(null));
		fillQuestionIds(form, this.zones.questions(zone.getKey()));
		BindingResult rows = new BeanPropertyBindingResult(form, "zoneForm");
		this.validator.validate(form, rows);
		this.content.validate(form, false, rows);
		if (rows.hasErrors()) {
			return ResponseEntity.badRequest().body(problem(rows, locale));
		}
		this.content.updateZone(zone.getKey(), form, editor(principal));
		return ResponseEntity.ok(this.content.snapshot(zone.getKey()));
	}

	@PutMapping("/zones/{zoneCmsId}/agreement-versions/{versionCmsId}")
	@Operation(summary = "Publishes a version of a zone's agreement",
			description = "Readers who accepted an older version are asked again. A version once published "
					+ "never changes: the same text again is 200, another text under the same id is 409.")
	ResponseEntity<Object> putAgreementVersion(@PathVariable String zoneCmsId, @PathVariable String versionCmsId,
			@Validated @RequestBody AgreementForm form, BindingResult result, Principal principal,
			HttpServletRequest request) {
		Locale locale = locale(request);
		requireCmsId(versionCmsId);
		Zone zone = zoneByCmsId(zoneCmsId);
		if (result.hasErrors()) {
			return ResponseEntity.badRequest().body(problem(result, locale));
		}
		Optional<AgreementVersion> published = this.zones.agreementByCmsId(zone.getKey(), versionCmsId);
		if (published.isPresent()) {
			AgreementVersion version = published.get();
			if (version.getTitle().equals(form.getTitle().strip())
					&& version.getBody().equals(form.getBody().strip())) {
				return ResponseEntity.ok(ContentService.snapshot(version));
			}
			throw new ResponseStatusException(HttpStatus.CONFLICT,
					message("content.api.version-published", locale, version.getVersion()));
		}
		AgreementVersion version = this.content.publishAgreementFromCms(zone.getKey(), form, versionCmsId,
				editor(principal));
		return ResponseEntity
			.created(URI.create("/api/content/zones/" + zoneCmsId + "/agreement-versions/" + versionCmsId))
			.body(ContentService.snapshot(version));
	}

	@GetMapping("/articles/{cmsId}")
	@Operation(summary = "The article the CMS knows by this id")
	Map<String, Object> article(@PathVariable String cmsId) {
		return ContentService.snapshot(
				this.articles.findByCmsId(cmsId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
	}

	@PutMapping("/articles/{cmsId}")
	@Operation(summary = "Creates or changes an article",
			description = "The body (Markdown or HTML) is sanitised on its way in. published=false keeps it from "
					+ "readers; publishAt (the site's local time) schedules it.")
	ResponseEntity<Object> putArticle(@PathVariable String cmsId, @Validated @RequestBody ArticleForm form,
			BindingResult result, Principal principal, HttpServletRequest request) {
		Locale locale = locale(request);
		requireCmsId(cmsId);
		this.content.validate(form, result);
		if (result.hasErrors()) {
			return ResponseEntity.badRequest().body(problem(result, locale));
		}
		Editor editor = editor(principal);
		Optional<Article> existing = this.articles.findByCmsId(cmsId);
		if (existing.isPresent()) {
			this.content.updateArticle(existing.get().getId(), form, editor);
			return ResponseEntity.ok(ContentService.snapshot(this.articles.find(existing.get().getId()).orElseThrow()));
		}
		Article article = this.content.createArticleFromCms(form, cmsId, editor);
		return ResponseEntity.created(URI.create("/api/content/articles/" + cmsId))
			.body(ContentService.snapshot(article));
	}

	/** Two calls creating the same thing at once: the loser is told to send it again. */
	@ExceptionHandler({ DataIntegrityViolationException.class, ZoneKeyTakenException.class })
	ResponseEntity<ProblemDetail> conflict(RuntimeException ex, HttpServletRequest request) {
		Locale locale = locale(request);
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, message("content.api.conflict", locale)));
	}

	/**
	 * A CMS sends questions without our ids: a row takes the id of the zone's question
	 * with the same text (its kind or options may change), so sending the same list again
	 * changes nothing, and a question left out is retired, never rewritten into another
	 * (the answers readers gave stay with the question they answered).
	 */
	private static void fillQuestionIds(ZoneForm form, List<ZoneQuestion> current) {
		List<ZoneQuestion> unused = new ArrayList<>(current);
		for (ZoneForm.QuestionRow row : form.getQuestions()) {
			if (row.getId() != null || row.getText() == null) {
				continue;
			}
			unused.stream()
				.filter(question -> question.getText().equals(row.getText().strip()))
				.findFirst()
				.ifPresent(question -> {
					row.setId(question.getId());
					unused.remove(question);
				});
		}
	}

	/** A CMS's id has room for 200 characters: a longer one is the caller's error. */
	private static void requireCmsId(String cmsId) {
		if (cmsId.length() > MAX_CMS_ID_LENGTH) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "A CMS id has at most 200 characters");
		}
	}

	private Zone zoneByCmsId(String cmsId) {
		return this.zones.findByCmsId(cmsId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static Editor editor(Principal principal) {
		return new Editor(Objects.requireNonNull(principal).getName(), ContentChange.Channel.API);
	}

	private ProblemDetail problem(BindingResult result, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				message("content.fix-errors", locale));
		List<Map<String, String>> errors = new ArrayList<>();
		for (FieldError error : result.getFieldErrors()) {
			Map<String, String> entry = new LinkedHashMap<>();
			entry.put("field", error.getField());
			entry.put("message", message(error, locale));
			errors.add(entry);
		}
		problem.setProperty("errors", errors);
		return problem;
	}

	/**
	 * A field's message in the client's language: a constraint's message was interpolated
	 * in the site's language, so its template's key is looked up again.
	 */
	private String message(FieldError error, Locale locale) {
		if (error.contains(ConstraintViolation.class)) {
			String template = error.unwrap(ConstraintViolation.class).getMessageTemplate();
			if (template.startsWith("{") && template.endsWith("}")) {
				return this.messages.getMessage(template.substring(1, template.length() - 1), null, template, locale);
			}
		}
		return this.messages.getMessage(error, locale);
	}

	/**
	 * An API client says its language in {@code Accept-Language}: English for any
	 * English, zh-CN for anything else (the site's two languages).
	 */
	private static Locale locale(HttpServletRequest request) {
		return Locale.ENGLISH.getLanguage().equals(request.getLocale().getLanguage()) ? Locale.ENGLISH
				: Locale.SIMPLIFIED_CHINESE;
	}

	private String message(String code, Locale locale, Object... args) {
		return this.messages.getMessage(code, args, locale);
	}

}
