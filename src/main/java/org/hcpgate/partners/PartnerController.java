package org.hcpgate.partners;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.hcpgate.journey.JourneyService;
import org.hcpgate.readers.Reader;
import org.hcpgate.security.SitePolicy;
import org.hcpgate.verification.HcpVerificationService;
import org.hcpgate.zones.Zone;
import org.hcpgate.zones.ZoneService;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The reader's pages of a partner's sign-in: the consent page (which site asks for what),
 * "this site asks for a verified HCP" with the way into the journey, the way back after
 * 您已通过, and the page of a request refused before any redirect.
 */
@Controller
@RequestMapping("/partners")
class PartnerController {

	static final String CONSENT_PAGE = "/partners/consent";

	private final PartnerSites sites;

	private final RegisteredClientRepository clients;

	private final PendingSignIns pending;

	private final JourneyService journey;

	private final HcpVerificationService verifications;

	private final ZoneService zones;

	PartnerController(PartnerSites sites, RegisteredClientRepository clients, PendingSignIns pending,
			JourneyService journey, HcpVerificationService verifications, ZoneService zones) {
		this.sites = sites;
		this.clients = clients;
		this.pending = pending;
		this.journey = journey;
		this.verifications = verifications;
		this.zones = zones;
	}

	/**
	 * Which site asks for what, sent here by the authorization server. The buttons post
	 * to the server, which checks the state (bound to this reader) and the scopes (only
	 * those the partner asked for).
	 */
	@GetMapping("/consent")
	String consent(@RequestParam(name = "client_id") String clientId, @RequestParam String scope,
			@RequestParam String state, HttpServletResponse response, Model model) {
		PartnerSite site = this.sites.find(clientId).orElseThrow(PartnerController::notFound);
		RegisteredClient client = this.clients.findByClientId(clientId);
		Set<String> asked = new LinkedHashSet<>(Arrays.asList(scope.split(" ")));
		asked.retainAll(client.getScopes());
		List<PartnerScope> shown = Arrays.stream(PartnerScope.values())
			.filter(known -> asked.contains(known.value()))
			.toList();
		model.addAttribute("site", site);
		model.addAttribute("scopes", shown);
		model.addAttribute("scopeValues", shown.stream().map(PartnerScope::value).toList());
		model.addAttribute("zoneNames", zoneNames(site));
		model.addAttribute("clientId", clientId);
		model.addAttribute("state", state);
		allowFormsTo(client, response);
		return "partners/consent";
	}

	/**
	 * The partner needs a verified HCP: what that means, and the way into the journey.
	 */
	@GetMapping("/verify/{id}")
	String verify(@PathVariable String id, @AuthenticationPrincipal Reader reader, Model model) {
		PendingSignIn waiting = own(reader, id);
		PartnerSite site = this.sites.find(waiting.getClientId()).orElseThrow(PartnerController::notFound);
		model.addAttribute("site", site);
		model.addAttribute("pending", waiting);
		model.addAttribute("verified", this.verifications.isVerified(reader.getReaderId()));
		model.addAttribute("zone",
				(site.getJourneyZoneKey() != null) ? this.zones.find(site.getJourneyZoneKey()).orElse(null) : null);
		return "partners/verify";
	}

	/** Starts the journey in the partner's zone (a POST: a GET never starts anything). */
	@PostMapping("/verify/{id}/start")
	String startJourney(@PathVariable String id, @AuthenticationPrincipal Reader reader) {
		PendingSignIn waiting = own(reader, id);
		PartnerSite site = this.sites.find(waiting.getClientId()).orElseThrow(PartnerController::notFound);
		if (site.getJourneyZoneKey() == null) {
			throw notFound();
		}
		this.journey.start(reader.getReaderId(), site.getJourneyZoneKey(), null);
		return "redirect:/journey/" + site.getJourneyZoneKey();
	}

	/**
	 * Back to the partner: its authorization request again, now that the reader is
	 * verified (the server checks everything again, the consent included).
	 */
	@GetMapping("/continue/{id}")
	String continueSignIn(@PathVariable String id, @AuthenticationPrincipal Reader reader, Model model,
			HttpServletResponse response) {
		PendingSignIn waiting = this.pending.own(reader.getReaderId(), id).orElse(null);
		if (waiting == null || waiting.isExpired()) {
			response.setStatus(HttpStatus.GONE.value());
			model.addAttribute("site", (waiting != null) ? this.sites.find(waiting.getClientId()).orElse(null) : null);
			return "partners/expired";
		}
		return "redirect:/oauth2/authorize?" + waiting.getAuthorizationQuery();
	}

	/** A request the server refused before it could trust any redirect URI. */
	@RequestMapping("/error")
	String error(HttpServletRequest request, HttpServletResponse response, Model model) {
		Object code = request.getAttribute(PartnerAuthorizationResponses.ERROR_ATTRIBUTE);
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("errorCode", (code != null) ? code : "invalid_request");
		return "partners/error";
	}

	private Map<String, String> zoneNames(PartnerSite site) {
		Map<String, String> names = new TreeMap<>();
		site.getZoneKeys().forEach(key -> names.put(key, this.zones.find(key).map(Zone::getName).orElse(key)));
		return names;
	}

	/**
	 * The consent page's buttons end in a redirect to the partner, which the site's
	 * {@code form-action 'self'} would stop: this page's policy also names the partner's
	 * registered redirect origins, and nothing else.
	 */
	private static void allowFormsTo(RegisteredClient client, HttpServletResponse response) {
		response.setHeader("Content-Security-Policy",
				SitePolicy.withFormTargets(PartnerFormTargets.origins(client.getRedirectUris())));
	}

	private PendingSignIn own(Reader reader, String id) {
		return this.pending.own(reader.getReaderId(), id)
			.filter(waiting -> !waiting.isExpired())
			.orElseThrow(PartnerController::notFound);
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

}
