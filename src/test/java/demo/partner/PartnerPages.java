package demo.partner;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.HtmlUtils;

/**
 * The partner's two pages: a home page with "sign in with HCP Gate", and a page for
 * verified healthcare professionals, which asks HCP Gate's user-info endpoint on every
 * view (so a reader's withdrawal is seen at once).
 */
@RestController
class PartnerPages {

	private final RestClient http = RestClient.create();

	@GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
	String home(@RequestParam(required = false) String error) {
		String refused = (error == null) ? ""
				: "<p id=\"sign-in-error\">HCP Gate answered: <code>" + HtmlUtils.htmlEscape(error) + "</code></p>";
		return page("Demo Partner",
				refused + "<p><a id=\"sign-in\" href=\"/oauth2/authorization/hcp-gate\">Sign in with HCP Gate</a></p>"
						+ "<p><a href=\"/professionals\">Professionals only</a></p>");
	}

	@GetMapping(path = "/professionals", produces = MediaType.TEXT_HTML_VALUE)
	String professionals(@AuthenticationPrincipal OidcUser reader,
			@RegisteredOAuth2AuthorizedClient("hcp-gate") OAuth2AuthorizedClient client) {
		Map<String, Object> live;
		try {
			live = this.http.get()
				.uri(client.getClientRegistration().getProviderDetails().getUserInfoEndpoint().getUri())
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + client.getAccessToken().getTokenValue())
				.retrieve()
				.body(Map.class);
		}
		catch (HttpClientErrorException refused) {
			return page("Professionals only", "<p id=\"no-longer-shared\">HCP Gate no longer shares your information ("
					+ refused.getStatusCode().value() + "). <a href=\"/logout\">Sign out</a></p>");
		}
		if (!Boolean.TRUE.equals(live.get("hcp_verified"))) {
			return page("Professionals only", "<p id=\"not-verified\">For verified healthcare professionals only.</p>");
		}
		return page("Professionals only",
				"<p id=\"welcome\">Welcome, verified " + HtmlUtils.htmlEscape(String.valueOf(live.get("profession")))
						+ ".</p><p>Subject <code id=\"subject\">" + HtmlUtils.htmlEscape(reader.getSubject())
						+ "</code>, zones <code id=\"zones\">"
						+ HtmlUtils.htmlEscape(String.valueOf(live.get("hcp_zones"))) + "</code></p>");
	}

	private static String page(String title, String body) {
		return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
				+ "</title></head><body>" + "<h1>" + title + "</h1>" + body + "</body></html>";
	}

}
