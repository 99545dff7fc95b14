package org.hcpgate.privacy;

import org.hcpgate.readers.Reader;
import org.hcpgate.security.ReaderPasswordCheck.Outcome;
import org.hcpgate.security.ReaderPasswordCheck;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
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

	private final ReaderPasswordCheck passwords;

	private final ReaderErasure erasure;

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	AccountDeletionController(ReaderPasswordCheck passwords, ReaderErasure erasure,
			FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.passwords = passwords;
		this.erasure = erasure;
		this.sessions = sessions;
	}

	/**
	 * Deletes the account and erases the reader's personal data ({@link ReaderErasure}),
	 * once the reader ticked the confirmation and gave the password (counted like a
	 * sign-in: no oracle for whoever holds an open session); then ends every session of
	 * the account.
	 */
	@PostMapping("/account/delete")
	String delete(@RequestParam(required = false) String password,
			@RequestParam(name = "confirm", defaultValue = "false") boolean confirmed,
			@AuthenticationPrincipal Reader reader, HttpServletRequest request, HttpServletResponse response,
			Authentication authentication, RedirectAttributes redirect) {
		long accountId = Long.parseLong(reader.getReaderId());
		Outcome outcome = this.passwords.confirm(reader, password, request.getRemoteAddr());
		if (!confirmed || outcome != Outcome.CONFIRMED) {
			redirect.addFlashAttribute("error",
					(outcome == Outcome.WAIT) ? "account.delete.wait" : "account.delete.not-confirmed");
			return "redirect:/account";
		}
		this.erasure.deleteAccount(accountId);
		// every other session of the account ends too (another device, another tab's
		// browser): they are rows of spring_session, on every node alike
		this.sessions.findByPrincipalName(reader.getUsername()).keySet().forEach(this.sessions::deleteById);
		new SecurityContextLogoutHandler().logout(request, response, authentication);
		return "redirect:/account/deleted";
	}

	@GetMapping("/account/deleted")
	String deleted() {
		return VIEW_DELETED;
	}

}
