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
	String departments(@RequestParam String departmentsText, HttpServletRequest request, RedirectAttributes redirect) {
		boolean changed = this.content.replaceDepartments(departmentsText.lines().toList(), this.editors.of(request));
		redirect.addFlashAttribute("message", changed ? "content.departments.saved" : "content.unchanged");
		return "redirect:/staff/content/professions";
	}

	@GetMapping("/staff/content/professions/new")
	String newProfession(Model model) {
		ProfessionForm form = new ProfessionForm();
		form.setLicencePattern("[A-Za-z0-9-]{6,32}");
		model.addAttribute("professionForm", form);
		return show(null, model);
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
		if (result.hasErrors()) {
			return show(null, model);
		}
		this.content.saveProfession(form.getCode(), form, this.editors.of(request));
		redirect.addFlashAttribute("message", "content.profession.saved");
		return "redirect:/staff/content/professions/" + form.getCode();
	}

	@GetMapping("/staff/content/professions/{code}")
	String edit(@PathVariable String code, Model model) {
		Profession profession = profession(code);
		model.addAttribute("professionForm", ProfessionForm.of(profession, this.professions.titles(code)));
		return show(profession, model);
	}

	@PostMapping("/staff/content/professions/{code}")
	String update(@PathVariable String code, @Validated @ModelAttribute("professionForm") ProfessionForm form,
			BindingResult result, Model model, HttpServletRequest request, RedirectAttributes redirect) {
		Profession profession = profession(code);
		form.setCode(code);
		this.content.validate(form, result);
		if (result.hasErrors()) {
			return show(profession, model);
		}
		boolean changed = this.content.saveProfession(code, form, this.editors.of(request));
		redirect.addFlashAttribute("message", changed ? "content.profession.saved" : "content.unchanged");
		return "redirect:/staff/content/professions/" + code;
	}

	private String show(Profession profession, Model model) {
		model.addAttribute("profession", profession);
		return VIEW_PROFESSION;
	}

	private Profession profession(String code) {
		return this.professions.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
