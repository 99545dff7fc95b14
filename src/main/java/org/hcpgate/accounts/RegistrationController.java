package org.hcpgate.accounts;

import java.util.Locale;

import org.hcpgate.accounts.RegistrationService.Outcome;
import org.hcpgate.accounts.RegistrationService.TakenException;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Sign-in page and registration. A well-formed registration always ends on the same page
 * ("check your e-mail"): whether the name or the address is taken is told only by e-mail,
 * to that address ({@link RegistrationService}). The link's page confirms with a button,
 * so that a mail scanner fetching the link creates nothing.
 */
@Controller
class RegistrationController {

	static final String VIEW_REGISTER = "accounts/register";

	static final String VIEW_CHECK_EMAIL = "accounts/check-email";

	static final String VIEW_CONFIRM = "accounts/confirm";

	static final String VIEW_LOGIN = "accounts/login";

	private final RegistrationService registrations;

	RegistrationController(RegistrationService registrations) {
		this.registrations = registrations;
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
			BindingResult result, Locale locale, RedirectAttributes redirect) {
		if (!result.hasFieldErrors("password")) {
			PasswordPolicy.check(form.getUsername(), form.getPassword())
				.ifPresent(problem -> result.rejectValue("password", problem));
		}
		if (result.hasErrors()) {
			return VIEW_REGISTER;
		}
		try {
			if (this.registrations.register(form, locale) == Outcome.REGISTERED) {
				redirect.addFlashAttribute("message", "register.done");
				return "redirect:/login";
			}
			redirect.addFlashAttribute("email", form.getEmail());
			return "redirect:/register/check-email";
		}
		catch (TakenException taken) {
			if (taken.isUsername()) {
				result.rejectValue("username", "register.username.taken");
			}
			if (taken.isEmail()) {
				result.rejectValue("email", "register.email.taken");
			}
			if (!result.hasErrors()) {
				result.reject("register.taken");
			}
		}
		catch (MailException unsent) {
			result.reject("register.mail-failed");
		}
		return VIEW_REGISTER;
	}

	@GetMapping("/register/check-email")
	String checkEmail() {
		return VIEW_CHECK_EMAIL;
	}

	/** The link in the e-mail: a page with one button (a GET changes nothing). */
	@GetMapping("/register/confirm")
	String confirmPage(@RequestParam(name = "token", required = false) String token, Model model) {
		model.addAttribute("token", token);
		return VIEW_CONFIRM;
	}

	@PostMapping("/register/confirm")
	String confirm(@RequestParam(name = "token", required = false) String token, Model model,
			RedirectAttributes redirect) {
		if (this.registrations.confirm(token).isPresent()) {
			redirect.addFlashAttribute("message", "register.confirmed");
			return "redirect:/login";
		}
		model.addAttribute("invalid", true);
		return VIEW_CONFIRM;
	}

}
