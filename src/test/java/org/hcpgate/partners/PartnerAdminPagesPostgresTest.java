package org.hcpgate.partners;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hcpgate.support.PostgresIntegrationTest;
import org.hcpgate.support.StaffSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The administrators' page of partner sites, signed in where staff sign in (the webapps):
 * a mistake comes back on the page with what was typed, a new partner's secret is shown
 * once and kept only as a hash, and nobody but an administrator gets in.
 */
class PartnerAdminPagesPostgresTest extends PostgresIntegrationTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern SECRET = Pattern.compile("id=\"client-secret\">([^<]+)<");

	@Autowired
	TestRestTemplate rest;

	@Autowired
	PartnerSites sites;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void onlyAdministratorsOpenThePartnersPages() {
		HttpHeaders admin = session("demo-admin");
		ResponseEntity<String> list = get(admin, "/staff/partners");
		assertThat(list.getStatusCode().value()).isEqualTo(200);
		assertThat(list.getBody()).contains("data-client=\"demo-partner\"");

		assertThat(get(session("demo-editor"), "/staff/partners").getStatusCode().value()).isEqualTo(403);
		assertThat(get(session("demo-reviewer"), "/staff/partners/new").getStatusCode().value()).isEqualTo(403);
		assertThat(get(new HttpHeaders(), "/staff/partners").getStatusCode().value()).isEqualTo(403);
		assertThat(get(admin, "/staff/partners/no-such-partner").getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void aMistakeComesBackWithWhatWasTypedAndANewPartnersSecretIsShownOnce() {
		HttpHeaders admin = session("demo-admin");
		String clientId = "page" + UUID.randomUUID().toString().substring(0, 8);

		ResponseEntity<String> mistake = post(admin, "/staff/partners/new", "/staff/partners", "clientId", clientId,
				"name", "页面合作网站", "redirectUriLines", "ftp://partner.example.org/cb", "scopes", "hcp",
				"needsVerifiedHcp", "true");
		assertThat(mistake.getStatusCode().value()).isEqualTo(200);
		assertThat(mistake.getBody()).contains("回调地址 ftp://partner.example.org/cb 无效")
			.contains("必须包含 openid")
			.contains("必须指定用于认证的专区")
			.contains("value=\"页面合作网站\"")
			.contains("ftp://partner.example.org/cb</textarea>");
		assertThat(this.sites.find(clientId)).isEmpty();

		ResponseEntity<String> created = post(admin, "/staff/partners/new", "/staff/partners", "clientId", clientId,
				"name", "页面合作网站", "redirectUriLines", "https://partner.example.org/cb", "scopes", "openid", "scopes",
				"hcp", "needsVerifiedHcp", "true", "journeyZoneKey", "sepsis-immunotherapy", "active", "true");
		Matcher secret = SECRET.matcher(created.getBody());
		assertThat(secret.find()).as("the secret on the page").isTrue();
		assertThat(this.sites.find(clientId)).isPresent();
		assertThat(get(admin, "/staff/partners/" + clientId).getBody()).doesNotContain(secret.group(1));

		ResponseEntity<String> renewed = post(admin, "/staff/partners/" + clientId,
				"/staff/partners/" + clientId + "/secret");
		Matcher second = SECRET.matcher(renewed.getBody());
		assertThat(second.find()).isTrue();
		assertThat(second.group(1)).isNotEqualTo(secret.group(1));
	}

	@Test
	void aSecretIsRenewedOnlyWithTheCsrfTokenOrByAProgramNeverByAnotherSitesForm() {
		String clientId = "renew" + UUID.randomUUID().toString().substring(0, 8);
		PartnerForm form = new PartnerForm();
		form.setClientId(clientId);
		form.setName("续期合作网站");
		form.setRedirectUris(java.util.List.of("https://partner.example.org/cb"));
		form.setScopes(java.util.Set.of("openid", "hcp"));
		this.sites.save(form, "test-admin");
		String kept = keptSecret(clientId);

		// another site's form, posted by the administrator's browser with its remembered
		// HTTP Basic credentials
		HttpHeaders crossSite = new HttpHeaders();
		crossSite.set("Origin", "https://evil.example.com");
		crossSite.set("Sec-Fetch-Site", "cross-site");
		crossSite.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		ResponseEntity<String> forged = this.rest.withBasicAuth("demo-admin", "demo-admin")
			.exchange("/api/partners/" + clientId + "/secret", HttpMethod.POST, new HttpEntity<>("", crossSite),
					String.class);
		assertThat(forged.getStatusCode().value()).isEqualTo(403);
		assertThat(forged.getBody()).doesNotContain("clientSecret");
		ResponseEntity<String> changed = this.rest.withBasicAuth("demo-admin", "demo-admin")
			.exchange("/api/partners/" + clientId, HttpMethod.PUT, new HttpEntity<>(
					"{\"name\":\"x\",\"redirectUris\":[\"https://evil.example.com/cb\"],\"scopes\":[\"openid\"]}",
					jsonFrom(crossSite)), String.class);
		assertThat(changed.getStatusCode().value()).isEqualTo(403);
		// the staff page without the CSRF token
		HttpHeaders admin = session("demo-admin");
		admin.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		ResponseEntity<String> noToken = this.rest.exchange("/staff/partners/" + clientId + "/secret", HttpMethod.POST,
				new HttpEntity<>("", admin), String.class);
		assertThat(noToken.getStatusCode().value()).isEqualTo(403);
		assertThat(keptSecret(clientId)).as("nothing renewed, nothing changed").isEqualTo(kept);
		assertThat(this.sites.form(clientId).orElseThrow().getRedirectUris())
			.containsExactly("https://partner.example.org/cb");

		// a program (no Origin, no Sec-Fetch-Site) renews it
		ResponseEntity<String> program = this.rest.withBasicAuth("demo-admin", "demo-admin")
			.postForEntity("/api/partners/" + clientId + "/secret", null, String.class);
		assertThat(program.getStatusCode().value()).isEqualTo(200);
		assertThat(program.getBody()).contains("clientSecret");
		assertThat(keptSecret(clientId)).isNotEqualTo(kept);
	}

	private String keptSecret(String clientId) {
		return this.jdbc.queryForObject("select client_secret from oauth2_registered_client where client_id = ?",
				String.class, clientId);
	}

	private static HttpHeaders jsonFrom(HttpHeaders crossSite) {
		HttpHeaders json = new HttpHeaders();
		json.putAll(crossSite);
		json.setContentType(MediaType.APPLICATION_JSON);
		return json;
	}

	private HttpHeaders session(String staff) {
		HttpHeaders signedIn = StaffSessions.signIn(this.rest, staff, staff);
		HttpHeaders session = new HttpHeaders();
		session.put(HttpHeaders.COOKIE, signedIn.get(HttpHeaders.COOKIE));
		return session;
	}

	private ResponseEntity<String> get(HttpHeaders session, String path) {
		return this.rest.exchange(path, HttpMethod.GET, new HttpEntity<>(session), String.class);
	}

	private ResponseEntity<String> post(HttpHeaders session, String formPage, String path, String... namesAndValues) {
		Matcher token = CSRF.matcher(get(session, formPage).getBody());
		assertThat(token.find()).as("a CSRF token on " + formPage).isTrue();
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("_csrf", token.group(1));
		for (int i = 0; i < namesAndValues.length; i += 2) {
			form.add(namesAndValues[i], namesAndValues[i + 1]);
		}
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(session);
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		return this.rest.exchange(path, HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
	}

}
