package org.hcpgate.content;

import java.util.List;

import org.hcpgate.consent.ConsentService;
import org.hcpgate.professions.ProfessionCatalogue;
import org.hcpgate.zones.AgreementVersion;
import org.hcpgate.zones.UnknownZoneException;
import org.hcpgate.zones.Zone;
import org.hcpgate.zones.ZoneKeyTakenException;
import org.hcpgate.zones.ZoneQuestion;
import org.hcpgate.zones.ZoneService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Editors keep zones ({@code /staff/content/zones}): settings, questions, and the
 * agreement's versions. GET shows, POST validates and shows again with what was typed, or
 * saves and redirects with a message.
 */
@Controller
class ZoneEditorController {

	static final String VIEW_ZONE = "content/zone";

	static final String VIEW_AGREEMENT = "content/agreement";

	static final String VIEW_AGREEMENT_VERSION = "content/agreement-version";

	static final int ACCEPTORS_SHOWN = 200;

	private final ZoneService zones;

	private final ContentService content;

	private final ConsentService consents;

	private final PageEditors editors;

	private final ProfessionCatalogue professions;

	ZoneEditorController(ZoneService zones, ContentService content, ConsentService consents, PageEditors editors,
			ProfessionCatalogue professions) {
		this.professions = professions;
		this.zones = zones;
		this.content = content;
		this.consents = consents;
		this.editors = editors;
	}

	@GetMapping("/staff/content/zones/new")
	String newZone(Model model) {
		model.addAttribute("zoneForm", new ZoneForm().withEmptyRows());
		return showZone(null, model);
	}

	@PostMapping("/staff/content/zones")
	String create(@Validated @ModelAttribute("zoneForm") ZoneForm form, BindingResult result, Model model,
			HttpServletRequest request, RedirectAttributes redirect) {
		this.content.validate(form, true, result);
		if (result.hasErrors()) {
			return showZone(null, model);
		}
		try {
			Zone zone = this.content.createZone(form, this.editors.of(request));
			redirect.addFlashAttribute("message", "content.zone.created");
			return "redirect:/staff/content/zones/" + zone.getKey();
		}
		catch (ZoneKeyTakenException ex) {
			// two editors creating the same key at once: the second is told, nothing lost
			result.rejectValue("key", "content.zone.key.taken");
			return showZone(null, model);
		}
	}

	@GetMapping("/staff/content/zones/{zoneKey}")
	String edit(@PathVariable String zoneKey, Model model) {
		Zone zone = zone(zoneKey);
		model.addAttribute("zoneForm", ZoneForm.of(zone, this.zones.questions(zoneKey)).withEmptyRows());
		return showZone(zone, model);
	}

	@PostMapping("/staff/content/zones/{zoneKey}")
	String update(@PathVariable String zoneKey, @Validated @ModelAttribute("zoneForm") ZoneForm form,
			BindingResult result, Model model, HttpServletRequest request, RedirectAttributes redirect) {
		Zone zone = zone(zoneKey);
		form.setKey(zoneKey);
		this.content.validate(form, false, result);
		if (result.hasErrors()) {
			return showZone(zone, model);
		}
		boolean changed = this.content.updateZone(zoneKey, form, this.editors.of(request));
		redirect.addFlashAttribute("message", changed ? "content.zone.saved" : "content.unchanged");
		return "redirect:/staff/content/zones/" + zoneKey;
	}

	@GetMapping("/staff/content/zones/{zoneKey}/agreement")
	String agreement(@PathVariable String zoneKey, Model model) {
		Zone zone = zone(zoneKey);
		AgreementForm form = this.zones.agreementDraft(zoneKey)
			.map(draft -> new AgreementForm(draft.getTitle(), draft.getBody()))
			.orElseGet(() -> new AgreementForm(zone.getAgreementTitle(), zone.getAgreementBody()));
		model.addAttribute("agreementForm", form);
		return showAgreement(zone, model);
	}

	@PostMapping("/staff/content/zones/{zoneKey}/agreement/draft")
	String saveDraft(@PathVariable String zoneKey, @Validated @ModelAttribute("agreementForm") AgreementForm form,
			BindingResult result, Model model, HttpServletRequest request, RedirectAttributes redirect) {
		Zone zone = zone(zoneKey);
		if (result.hasErrors()) {
			return showAgreement(zone, model);
		}
		this.content.saveAgreementDraft(zoneKey, form, this.editors.of(request));
		redirect.addFlashAttribute("message", "content.agreement.draft-saved");
		return "redirect:/staff/content/zones/" + zoneKey + "/agreement";
	}

	@PostMapping("/staff/content/zones/{zoneKey}/agreement/publish")
	String publish(@PathVariable String zoneKey, HttpServletRequest request, RedirectAttributes redirect) {
		zone(zoneKey);
		redirect.addFlashAttribute("message",
				this.content.publishAgreementDraft(zoneKey, this.editors.of(request)).isPresent()
						? "content.agreement.published" : "content.agreement.nothing-to-publish");
		return "redirect:/staff/content/zones/" + zoneKey + "/agreement";
	}

	@GetMapping("/staff/content/zones/{zoneKey}/agreement/versions/{version}")
	String version(@PathVariable String zoneKey, @PathVariable int version, Model model) {
		Zone zone = zone(zoneKey);
		AgreementVersion shown = this.zones.agreementVersion(zoneKey, version)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("zone", zone);
		model.addAttribute("version", shown);
		model.addAttribute("acceptorCount", this.consents.agreementAcceptorCount(zoneKey, version));
		model.addAttribute("acceptors", this.consents.agreementAcceptors(zoneKey, version, ACCEPTORS_SHOWN));
		return VIEW_AGREEMENT_VERSION;
	}

	private String showZone(Zone zone, Model model) {
		model.addAttribute("zone", zone);
		model.addAttribute("kinds", List.of(ZoneQuestion.Kind.values()));
		model.addAttribute("professions", this.professions.all());
		return VIEW_ZONE;
	}

	private String showAgreement(Zone zone, Model model) {
		model.addAttribute("zone", zone);
		model.addAttribute("draft", this.zones.agreementDraft(zone.getKey()).orElse(null));
		model.addAttribute("versions", this.zones.agreementVersions(zone.getKey()));
		return VIEW_AGREEMENT;
	}

	private Zone zone(String zoneKey) {
		try {
			return this.zones.get(zoneKey);
		}
		catch (UnknownZoneException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

}
