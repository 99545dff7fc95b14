package org.hcpgate.partners;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hcpgate.readers.Reader;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reader's partner sites on the account page: what each may learn, since when, and a
 * withdraw button; the ledger of every decision below.
 */
@Controller
class PartnerAccountController {

	private final PartnerConsents consents;

	private final PartnerSites sites;

	PartnerAccountController(PartnerConsents consents, PartnerSites sites) {
		this.consents = consents;
		this.sites = sites;
	}

	@GetMapping("/account/partners")
	String partners(@AuthenticationPrincipal Reader reader, Model model) {
		List<PartnerConsent> decisions = this.consents.decisionsOf(reader.getReaderId());
		Map<String, PartnerSite> named = new LinkedHashMap<>();
		this.sites.all().forEach(site -> named.put(site.getClientId(), site));
		// the newest decision per partner, where it is an agreement in force
		Map<String, PartnerConsent> inForce = new LinkedHashMap<>();
		decisions.forEach(decision -> inForce.putIfAbsent(decision.getClientId(), decision));
		inForce.values()
			.removeIf(decision -> named.get(decision.getClientId()) == null
					|| !decision.holdsFor(named.get(decision.getClientId())));
		model.addAttribute("inForce", inForce.values());
		model.addAttribute("decisions", decisions);
		model.addAttribute("sites", named);
		return "partners/account";
	}

	@PostMapping("/account/partners/{clientId}/withdraw")
	String withdraw(@PathVariable String clientId, @AuthenticationPrincipal Reader reader,
			RedirectAttributes redirect) {
		boolean withdrawn = this.consents.withdraw(reader, clientId);
		redirect.addFlashAttribute("message", withdrawn ? "partners.withdrawn" : "partners.nothing-to-withdraw");
		return "redirect:/account/partners";
	}

}
