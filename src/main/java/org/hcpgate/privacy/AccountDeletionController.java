package org.hcpgate.privacy;

import org.hcpgate.readers.Reader;
import org.hcpgate.readers.ReaderAccountService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The account page's last button: the reader deletes the account and is erased. */
@Controller
class AccountDeletionController {

	static final String VIEW_DELETED = "privacy/deleted";

	private final ReaderAccountService accounts;

	private final ReaderErasure erasure;

	AccountDeletionController(ReaderAccountService accounts, ReaderErasure erasure) {
		this.accounts = accounts;
		this.erasure = erasure;
	}

	/**
	 * Deletes the account and erases the reader's personal data ({@link ReaderErasure}),
	 * once the reader ticked the confirmation and gave the password; then signs the
	 * reader out.
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
