package org.hcpgate.accounts;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.hcpgate.consent.ConsentService;
import org.hcpgate.credentials.CredentialService;
import org.hcpgate.credentials.CredentialSubmission;
import org.hcpgate.notifications.NotificationService;
import org.hcpgate.professions.ProfessionCatalogue;
import org.hcpgate.readers.Reader;
import org.hcpgate.security.LocalPaths;
import org.hcpgate.verification.HcpVerification;
import org.hcpgate.verification.HcpVerificationService;
import org.hcpgate.verification.VerificationSettings;
import org.hcpgate.zones.Zone;
import org.hcpgate.zones.ZoneService;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The reader's own account: where the verification stands and why, attempts, consents,
 * notifications. Everything here is the signed-in reader's own, and only theirs.
 */
@Controller
class AccountController {

	static final String VIEW_ACCOUNT = "accounts/account";

	private final HcpVerificationService verifications;

	private final CredentialService credentials;

	private final ConsentService consents;

	private final VerificationSettings settings;

	private final NotificationService notifications;

	private final ZoneService zones;

	private final ProfessionCatalogue professions;

	AccountController(HcpVerificationService verifications, CredentialService credentials, ConsentService consents,
			VerificationSettings settings, NotificationService notifications, ZoneService zones,
			ProfessionCatalogue professions) {
		this.professions = professions;
		this.zones = zones;
		this.verifications = verifications;
		this.credentials = credentials;
		this.consents = consents;
		this.settings = settings;
		this.notifications = notifications;
	}

	@GetMapping("/account")
	String show(@AuthenticationPrincipal Reader reader, Model model, Locale locale) {
		String readerId = reader.getReaderId();
		Optional<HcpVerification> verification = this.verifications.find(readerId);
		List<CredentialSubmission> submissions = this.credentials.of(readerId);
		verification.ifPresent(v -> model.addAttribute("verification", v));
		model.addAttribute("submissions", submissions);
		model.addAttribute("professionNames", professionNames(locale));
		model.addAttribute("maxAttempts", this.settings.getMaxAttempts());
		if (!submissions.isEmpty()) {
			CredentialSubmission latest = submissions.get(0);
			model.addAttribute("latest", latest);
			int used = submissions.stream()
				.filter(s -> s.getVerificationId().equals(latest.getVerificationId()))
				.mapToInt(CredentialSubmission::getAttempt)
				.max()
				.orElse(0);
			boolean open = verification
				.map(v -> v.getStatus() == HcpVerification.Status.IN_REVIEW
						|| v.getStatus() == HcpVerification.Status.REJECTED)
				.orElse(false);
			if (open) {
				model.addAttribute("attemptsLeft", Math.max(this.settings.getMaxAttempts() - used, 0));
			}
		}
		model.addAttribute("consents", this.consents.of(readerId));
		model.addAttribute("withdrawable", this.consents.zonesAgreedTo(readerId));
		model.addAttribute("notifications", this.notifications.inbox(readerId));
		model.addAttribute("unreadNotifications", this.notifications.unread(readerId));
		model.addAttribute("zoneNames",
				this.zones.all().stream().collect(java.util.stream.Collectors.toMap(Zone::getKey, Zone::getName)));
		return VIEW_ACCOUNT;
	}

	/**
	 * A sign-in that returns to the page the reader was on: {@code /account/**} needs a
	 * signed-in reader, so Spring Security asks for the sign-in and brings the reader
	 * back here.
	 */
	/** Each profession's name in the reader's language, by its code. */
	private Map<String, String> professionNames(Locale locale) {
		Map<String, String> names = new HashMap<>();
		this.professions.all().forEach(p -> names.put(p.getCode(), p.nameIn(locale)));
		return names;
	}

	@GetMapping("/account/sign-in")
	String signIn(@RequestParam(name = "next", required = false) String next) {
		return "redirect:" + LocalPaths.of(next);
	}

	/** The reader's own licence photo, for the thumbnails; anyone else's is not found. */
	@GetMapping("/account/submissions/{id}/photo")
	ResponseEntity<InputStreamResource> photo(@PathVariable long id, @AuthenticationPrincipal Reader reader)
			throws IOException {
		Optional<CredentialSubmission> own = this.credentials.own(reader.getReaderId(), id);
		if (own.isEmpty()) {
			return ResponseEntity.notFound().cacheControl(CacheControl.noStore()).build();
		}
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.parseMediaType(own.get().getPhotoContentType()))
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Disposition", "inline")
			.body(new InputStreamResource(this.credentials.openPhoto(reader.getReaderId(), own.get().getPhotoFile())));
	}

	@PostMapping("/account/notifications/read")
	String markNotificationsRead(@AuthenticationPrincipal Reader reader, RedirectAttributes redirect) {
		this.notifications.markAllRead(reader.getReaderId());
		redirect.addFlashAttribute("message", "account.notifications.marked-read");
		return "redirect:/account#notifications";
	}

	@PostMapping("/account/consents/withdraw")
	String withdraw(@RequestParam String zone, @AuthenticationPrincipal Reader reader, HttpServletRequest request,
			RedirectAttributes redirect) {
		boolean withdrawn = this.consents.withdrawAgreement(reader.getReaderId(), zone, request.getRemoteAddr());
		redirect.addFlashAttribute("message", withdrawn ? "account.withdrawn" : "account.nothing-to-withdraw");
		return "redirect:/account";
	}

}
