package org.hcpgate.content;

import org.hcpgate.professions.Profession;
import org.hcpgate.professions.ProfessionCatalogue;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The professions catalogue ({@code /staff/content/professions}), for editors and leads:
 * each profession's names, titles and licence pattern, and the standard departments.
 */
@Controller
class ProfessionEditorController {

	static final String VIEW_PROFESSIONS = "content/professions";

	static final String VIEW_PROFESSION = "content/profession";

	private final ProfessionCatalogue professions;

	private final ContentService content;

	private final PageEditors editors;

	ProfessionEditorController(ProfessionCatalogue professions, ContentService content, PageEditors editors) {
		this.professions = professions;
		this.content = content;
		this.editors = editors;
	}

	@GetMapping("/staff/content/professions")
	String list(Model model) {
		model.addAttribute("professions", this.professions.all());
		model.addAttribute("titles", this.professions.titlesByProfession());
		model.addAttribute("departmentsText", String.join("\n", this.professions.departments()));
		return VIEW_PROFESSIONS;
	}

	@PostMapping("/staff/content/professions/departments")
	String departments(@RequestParam(name = "departmentsText", required = false) String departmentsText,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		String error = ContentService.departmentsError(departmentsText);
		if (error != null) {
			list(model);
			model.addAttribute("departmentsText", departmentsText);
			model.addAttribute("departmentsError", error);
			return VIEW_PROFESSIONS;
		}
		boolean changed = this.content.replaceDepartments(ContentService.departments(departmentsText),
				this.editors.of(request));
		redirect.addFlashAttribute("message", changed ? "content.departments.saved" : "content.unchanged");
		return "redirect:/staff/content/professions";
	}

	@GetMapping("/staff/content/professions/new")
	String newProfession(Model model, HttpServletRequest request) {
		ProfessionForm form = new ProfessionForm();
		form.setLicencePattern(ProfessionCatalogue.DEFAULT_LICENCE_PATTERN);
		model.addAttribute("professionForm", form);
		return show(null, model, request);
	}

	@PostMapping("/staff/content/professions")
	String create(@Validated @ModelAttribute("professionForm") ProfessionForm form, BindingResult result, Model model,
			HttpServletRequest request, RedirectAttributes redirect) {
		if (form.getCode() == null || form.getCode().isBlank()) {
			result.rejectValue("code", "validation.required");
		}
		else if (this.professions.find(form.getCode()).isPresent()) {
			result.rejectValue("code", "content.profession.code.taken");
		}
		this.content.validate(form, result);
		requirePatternByLead(form, ProfessionCatalogue.DEFAULT_LICENCE_PATTERN, request, result);
		if (result.hasErrors()) {
			return show(null, model, request);
		}
		this.content.saveProfession(form.getCode(), form, this.editors.of(request));
		redirect.addFlashAttribute("message", "content.profession.saved");
		return "redirect:/staff/content/professions/" + form.getCode();
	}

	@GetMapping("/staff/content/professions/{code}")
	String edit(@PathVariable String code, Model model, HttpServletRequest request) {
		Profession profession = profession(code);
		model.addAttribute("professionForm", ProfessionForm.of(profession, this.professions.titles(code)));
		return show(profession, model, request);
	}

	@PostMapping("/staff/content/professions/{code}")
	String update(@PathVariable String code, @Validated @ModelAttribute("professionForm") ProfessionForm form,
			BindingResult result, Model model, HttpServletRequest request, RedirectAttributes redirect) {
		Profession profession = profession(code);
		form.setCode(code);
		this.content.validate(form, result);
		requirePatternByLead(form, profession.getLicencePattern(), request, result);
		if (result.hasErrors()) {
			return show(profession, model, request);
		}
		boolean changed = this.content.saveProfession(code, form, this.editors.of(request));
		redirect.addFlashAttribute("message", changed ? "content.profession.saved" : "content.unchanged");
		return "redirect:/staff/content/professions/" + code;
	}

	/**
	 * Leads set the licence patterns (what a licence number must look like is the
	 * review's rule); an editor may keep the pattern as it is, not change it.
	 */
	private void requirePatternByLead(ProfessionForm form, String current, HttpServletRequest request,
			BindingResult result) {
		boolean changed = form.getLicencePattern() != null && !form.getLicencePattern().strip().equals(current);
		if (changed && !this.editors.isLead(request)) {
			result.rejectValue("licencePattern", "content.profession.pattern.leads-only");
		}
	}

	private String show(Profession profession, Model model, HttpServletRequest request) {
		model.addAttribute("profession", profession);
		model.addAttribute("mayEditPattern", this.editors.isLead(request));
		return VIEW_PROFESSION;
	}

	private Profession profession(String code) {
		return this.professions.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
