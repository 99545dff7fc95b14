package org.hcpgate.partners;

import java.util.List;
import java.util.Optional;

import org.hcpgate.security.StaffMember;
import org.hcpgate.security.StaffMembers;
import org.hcpgate.zones.ZoneService;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Administrators ({@code camunda-admin}) register partner sites at
 * {@code /staff/partners}. A new partner's secret, or a new secret, is shown once on the
 * page that made it.
 */
@Controller
class PartnerAdminController {

	static final String VIEW_LIST = "partners/admin-list";

	static final String VIEW_FORM = "partners/admin-form";

	static final String VIEW_SECRET = "partners/admin-secret";

	private final PartnerSites sites;

	private final ZoneService zones;

	private final StaffMembers staff;

	private final Validator validator;

	PartnerAdminController(PartnerSites sites, ZoneService zones, StaffMembers staff, Validator validator) {
		this.validator = validator;
		this.sites = sites;
		this.zones = zones;
		this.staff = staff;
	}

	@GetMapping("/staff/partners")
	String list(Model model) {
		model.addAttribute("partners", this.sites.all());
		return VIEW_LIST;
	}

	@GetMapping("/staff/partners/new")
	String newPartner(Model model) {
		model.addAttribute("partnerForm", new PartnerForm());
		return show(null, model);
	}

	@PostMapping("/staff/partners")
	String create(@Validated @ModelAttribute("partnerForm") PartnerForm form, BindingResult result, Model model,
			HttpServletRequest request) {
		if (!result.hasFieldErrors("clientId") && this.sites.find(form.getClientId()).isPresent()) {
			result.rejectValue("clientId", "partners.client-id.taken");
		}
		this.sites.validate(form, result);
		if (result.hasErrors()) {
			return show(null, model);
		}
		Optional<String> secret;
		try {
			secret = this.sites.save(form, staffId(request));
		}
		catch (DataIntegrityViolationException sameIdAtOnce) {
			secret = Optional.empty();
		}
		if (secret.isEmpty()) {
			// a second press, or another administrator, registered the id first
			result.rejectValue("clientId", "partners.client-id.taken");
			return show(null, model);
		}
		return secret(form.getClientId(), secret.get(), model);
	}

	@GetMapping("/staff/partners/{clientId}")
	String edit(@PathVariable String clientId, Model model) {
		model.addAttribute("partnerForm", this.sites.form(clientId).orElseThrow(PartnerAdminController::notFound));
		return show(clientId, model);
	}

	@PostMapping("/staff/partners/{clientId}")
	String update(@PathVariable String clientId, @ModelAttribute("partnerForm") PartnerForm form, BindingResult result,
			Model model, HttpServletRequest request, RedirectAttributes redirect) {
		this.sites.find(clientId).orElseThrow(PartnerAdminController::notFound);
		// the client id is the path's (the page does not send it): checked once set
		form.setClientId(clientId);
		this.validator.validate(form, result);
		this.sites.validate(form, result);
		if (result.hasErrors()) {
			return show(clientId, model);
		}
		this.sites.save(form, staffId(request));
		redirect.addFlashAttribute("message", "partners.saved");
		return "redirect:/staff/partners";
	}

	@PostMapping("/staff/partners/{clientId}/secret")
	String newSecret(@PathVariable String clientId, Model model) {
		String secret = this.sites.newSecret(clientId).orElseThrow(PartnerAdminController::notFound);
		return secret(clientId, secret, model);
	}

	private String secret(String clientId, String secret, Model model) {
		model.addAttribute("clientId", clientId);
		model.addAttribute("secret", secret);
		return VIEW_SECRET;
	}

	private String show(String clientId, Model model) {
		model.addAttribute("existing", clientId);
		model.addAttribute("allScopes", List.of(PartnerScope.values()));
		model.addAttribute("allZones", this.zones.all());
		return VIEW_FORM;
	}

	private String staffId(HttpServletRequest request) {
		return this.staff.current(request).map(StaffMember::userId).orElseThrow(PartnerAdminController::notFound);
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

}
