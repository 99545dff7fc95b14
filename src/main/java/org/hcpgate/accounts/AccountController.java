package org.hcpgate.accounts;

import org.hcpgate.consent.ConsentService;
import org.hcpgate.verification.HcpVerificationService;
import org.hcpgate.verification.JourneyService;
import org.hcpgate.verification.VerificationSettings;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/** The reader's own account: where the verification stands, attempts, consents. */
@Controller
class AccountController {

	static final String VIEW_ACCOUNT = "accounts/account";

	private final HcpVerificationService verifications;

	private final JourneyService journey;

	private final ConsentService consents;

	private final VerificationSettings settings;

	AccountController(HcpVerificationService verifications, JourneyService journey, ConsentService consents,
			VerificationSettings settings) {
		this.verifications = verifications;
		this.journey = journey;
		this.consents = consents;
		this.settings = settings;
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

}
