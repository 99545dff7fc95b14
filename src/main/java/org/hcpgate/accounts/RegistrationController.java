package org.hcpgate.accounts;

import org.hcpgate.readers.ReaderAccountRepository;
import org.hcpgate.readers.ReaderAccountService;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class RegistrationController {

	static final String VIEW_REGISTER = "accounts/register";

	static final String VIEW_LOGIN = "accounts/login";

	private final ReaderAccountService accountService;

	private final ReaderAccountRepository accounts;

	RegistrationController(ReaderAccountService accountService, ReaderAccountRepository accounts) {
		this.accountService = accountService;
		this.accounts = accounts;
	}

	@GetMapping("/login")
	String login() {
		return VIEW_LOGIN;
	}

	@GetMapping("/register")
	String initRegistrationForm(@ModelAttribute("registration") RegistrationForm form) {
		return VIEW_REGISTER;
	}

	@PostMapping("/register")
	String processRegistrationForm(@Validated @ModelAttribute("registration") RegistrationForm form,
			BindingResult result, RedirectAttributes redirect) {
		if (!result.hasFieldErrors("username") && this.accounts.existsByUsername(form.getUsername())) {
			result.rejectValue("username", "register.username.taken");
		}
		if (!result.hasFieldErrors("email") && this.accounts.existsByEmail(form.getEmail())) {
			result.rejectValue("email", "register.email.taken");
		}
		if (!result.hasFieldErrors("password")) {
			PasswordPolicy.check(form.getUsername(), form.getPassword())
				.ifPresent(problem -> result.rejectValue("password", problem));
		}
		if (result.hasErrors()) {
			return VIEW_REGISTER;
		}
		try {
			this.accountService.register(form.getUsername(), form.getPassword(), form.getDisplayName(),
					form.getEmail());
		}
		catch (DataIntegrityViolationException raced) {
			result.reject("register.taken");
			return VIEW_REGISTER;
		}
		redirect.addFlashAttribute("message", "register.done");
		return "redirect:/login";
	}

}
