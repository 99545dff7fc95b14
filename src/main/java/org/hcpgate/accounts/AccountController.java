package org.hcpgate.accounts;

import org.hcpgate.consent.ConsentService;
import org.hcpgate.privacy.ReaderErasure;
import org.hcpgate.verification.HcpVerificationService;
import org.hcpgate.verification.JourneyService;
import org.hcpgate.verification.VerificationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The reader's own account: where the verification stands, attempts, consents. */
@Controller
class AccountController {

	static final String VIEW_ACCOUNT = "accounts/account";

	static final String VIEW_DELETED = "accounts/deleted";

	private final HcpVerificationService verifications;

	private final JourneyService journey;

	private final ConsentService consents;

	private final VerificationSettings settings;

	private final ReaderAccountService accounts;

	private final ReaderErasure erasure;

	AccountController(HcpVerificationService verifications, JourneyService journey, ConsentService consents,
			VerificationSettings settings, ReaderAccountService accounts, ReaderErasure erasure) {
		this.verifications = verifications;
		this.journey = journey;
		this.consents = consents;
		this.settings = settings;
		this.accounts = accounts;
		this.erasure = erasure;
	}

	@GetMapping("/account")
	String show(@AuthenticationPrincipal Reader reader, Model model) {
		String readerId = reader.getReaderId();
		this.verifications.find(readerId).ifPresent(v -> model.addAttribute("verification", v));
		model.addAttribute("submissions", this.journey.submissions(readerId));
		model.addAttribute("consents", this.consents.of(readerId));
		model.addAttribute("withdrawable", this.consents.zonesAgreedTo(readerId));
		model.addAttribute("maxAttempts", this.settings.getMaxAttempts());
		return VIEW_ACCOUNT;
	}

	@PostMapping("/account/consents/withdraw")
	String withdraw(@RequestParam String zone, @AuthenticationPrincipal Reader reader, HttpServletRequest request,
			RedirectAttributes redirect) {
		boolean withdrawn = this.consents.withdrawAgreement(reader.getReaderId(), zone, request.getRemoteAddr());
		redirect.addFlashAttribute("message", withdrawn ? "account.withdrawn" : "account.nothing-to-withdraw");
		return "redirect:/account";
	}

	/**
	 * Deletes the account and erases the reader's personal data (privacy/ReaderErasure), once
	 * the reader ticked the confirmation and gave the password; then signs the reader out.
	 */
	@PostMapping("/account/delete")
	String delete(@RequestParam(required = false) String password,
			@RequestParam(name = "confirm", defaultValue = "false") boolean confirmed,
			@AuthenticationPrincipal Reader reader, HttpServletRequest request, HttpServletResponse response,
			Authentication authentication, RedirectAttributes redirect) {
		long accountId = Long.parseLong(reader.getReaderId());
		if (!confirmed || !this.accounts.passwordMatches(accountId, password)) {
			redirect.addFlashAttribute("error", "account.delete.not-confirmed");
			return "redirect:/account";
		}
		this.erasure.deleteAccount(accountId);
		new SecurityContextLogoutHandler().logout(request, response, authentication);
		return "redirect:/account/deleted";
	}

	@GetMapping("/account/deleted")
	String deleted() {
		return VIEW_DELETED;
	}

}
