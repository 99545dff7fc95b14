package org.hcpgate.content;

import org.hcpgate.reasons.ReasonCatalogue;
import org.hcpgate.reasons.ReasonCode;
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
 * The reviewers' rejection reasons ({@code /staff/content/reasons}), for leads and
 * editors: a code once created keeps its meaning; it is retired, never deleted, so old
 * decisions stay readable.
 */
@Controller
class ReasonEditorController {

	static final String VIEW_REASONS = "content/reasons";

	static final String VIEW_REASON = "content/reason";

	private final ReasonCatalogue reasons;

	private final ContentService content;

	private final PageEditors editors;

	ReasonEditorController(ReasonCatalogue reasons, ContentService content, PageEditors editors) {
		this.reasons = reasons;
		this.content = content;
		this.editors = editors;
	}

	@GetMapping("/staff/content/reasons")
	String list(Model model) {
		model.addAttribute("reasons", this.reasons.all());
		return VIEW_REASONS;
	}

	@GetMapping("/staff/content/reasons/new")
	String newReason(Model model) {
		model.addAttribute("reasonForm", new ReasonForm());
		return show(null, model);
	}

	@PostMapping("/staff/content/reasons")
	String create(@Validated @ModelAttribute("reasonForm") ReasonForm form, BindingResult result, Model model,
			HttpServletRequest request, RedirectAttributes redirect) {
		if (form.getCode() == null || form.getCode().isBlank()) {
			result.rejectValue("code", "validation.required");
		}
		else if (this.reasons.find(form.getCode()).isPresent()
				|| ContentService.RESERVED_KEYS.contains(form.getCode())) {
			result.rejectValue("code", "content.reason.code.taken");
		}
		if (result.hasErrors()) {
			return show(null, model);
		}
		this.content.saveReason(form.getCode(), form, this.editors.of(request));
		redirect.addFlashAttribute("message", "content.reason.saved");
		return "redirect:/staff/content/reasons";
	}

	@GetMapping("/staff/content/reasons/{code}")
	String edit(@PathVariable String code, Model model) {
		ReasonCode reason = reason(code);
		model.addAttribute("reasonForm", ReasonForm.of(reason));
		return show(reason, model);
	}

	@PostMapping("/staff/content/reasons/{code}")
	String update(@PathVariable String code, @Validated @ModelAttribute("reasonForm") ReasonForm form,
			BindingResult result, Model model, HttpServletRequest request, RedirectAttributes redirect) {
		ReasonCode reason = reason(code);
		form.setCode(code);
		if (result.hasErrors()) {
			return show(reason, model);
		}
		boolean changed = this.content.saveReason(code, form, this.editors.of(request));
		redirect.addFlashAttribute("message", changed ? "content.reason.saved" : "content.unchanged");
		return "redirect:/staff/content/reasons";
	}

	private String show(ReasonCode reason, Model model) {
		model.addAttribute("reason", reason);
		return VIEW_REASON;
	}

	private ReasonCode reason(String code) {
		return this.reasons.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
