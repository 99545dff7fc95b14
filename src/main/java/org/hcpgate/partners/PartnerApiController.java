package org.hcpgate.partners;

import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Validator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Partner sites over REST ({@code /api/partners}), for administrators ({@code
 * camunda-admin}, HTTP Basic, stateless): the same door and the same checks as the staff
 * page. A created partner's secret is in the 201 response only.
 */
@RestController
@RequestMapping("/api/partners")
class PartnerApiController {

	private final PartnerSites sites;

	private final MessageSource messages;

	private final Validator validator;

	PartnerApiController(PartnerSites sites, MessageSource messages, Validator validator) {
		this.sites = sites;
		this.messages = messages;
		this.validator = validator;
	}

	@GetMapping
	List<PartnerForm> all() {
		return this.sites.all().stream().map(site -> this.sites.form(site.getClientId()).orElseThrow()).toList();
	}

	@GetMapping("/{clientId}")
	PartnerForm one(@PathVariable String clientId) {
		return this.sites.form(clientId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/** Creates (201, with the secret) or changes (200) a partner. */
	@PutMapping("/{clientId}")
	ResponseEntity<Object> put(@PathVariable String clientId, @RequestBody PartnerForm form, Principal principal,
			HttpServletRequest request) {
		notFromABrowser(request);
		// an API client's language is its Accept-Language (no site cookie): zh-CN without
		// one
		Locale locale = (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null) ? request.getLocale()
				: Locale.SIMPLIFIED_CHINESE;
		// the client id is the path's: checked with the rest of the form once it is set
		form.setClientId(clientId);
		BindingResult result = new BeanPropertyBindingResult(form, "partnerForm");
		this.validator.validate(form, result);
		this.sites.validate(form, result);
		if (result.hasErrors()) {
			return ResponseEntity.badRequest().body(problem(result, locale));
		}
		boolean created = this.sites.find(clientId).isEmpty();
		String changedBy = Objects.requireNonNull(principal).getName();
		Map<String, Object> body = new LinkedHashMap<>();
		this.sites.save(form, changedBy).ifPresent(secret -> body.put("clientSecret", secret));
		body.put("partner", one(clientId));
		return created ? ResponseEntity.created(URI.create("/api/partners/" + clientId)).body(body)
				: ResponseEntity.ok(body);
	}

	/** A new secret; the old one stops working now. */
	@PostMapping("/{clientId}/secret")
	Map<String, String> newSecret(@PathVariable String clientId, HttpServletRequest request) {
		notFromABrowser(request);
		return Map.of("clientSecret",
				this.sites.newSecret(clientId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
	}

	/**
	 * The API has no CSRF token: it is for programs, which send neither {@code Origin}
	 * nor {@code Sec-Fetch-Site}. A browser sends them with every write, and it would
	 * send an administrator's remembered HTTP Basic credentials with a form another site
	 * posts here: such a write is refused ({@code 403}), unless the browser says it comes
	 * from HCP Gate's own pages ({@code Sec-Fetch-Site: same-origin}, which no other site
	 * can make it say). An administrator's browser uses the staff page
	 * ({@code /staff/partners}), whose forms carry the CSRF token.
	 */
	private static void notFromABrowser(HttpServletRequest request) {
		String site = request.getHeader("Sec-Fetch-Site");
		if ("same-origin".equals(site)) {
			return; // the site's own page (the API's description, tried out)
		}
		if (request.getHeader("Origin") != null || site != null) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN,
					"Not from a browser: administrators use /staff/partners there");
		}
	}

	private ProblemDetail problem(BindingResult result, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				this.messages.getMessage("partners.fix-errors", null, locale));
		List<Map<String, String>> errors = new ArrayList<>();
		for (FieldError error : result.getFieldErrors()) {
			errors.add(Map.of("field", error.getField(), "message", this.messages.getMessage(error, locale)));
		}
		problem.setProperty("errors", errors);
		return problem;
	}

}
