package org.hcpgate.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hcpgate.partners.PartnerBrowser.json;
import static org.hcpgate.partners.PartnerBrowser.location;
import static org.hcpgate.partners.PartnerBrowser.parameter;

import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.hcpgate.privacy.ReaderErasure;
import org.hcpgate.processes.StaffGroups;
import org.hcpgate.readers.Reader;
import org.hcpgate.readers.ReaderAccountRepository;
import org.hcpgate.support.JourneyDriver;
import org.hcpgate.support.PostgresIntegrationTest;
import org.hcpgate.support.Readers;
import org.hcpgate.support.Reviewer;
import org.hcpgate.verification.HcpVerificationService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * HCP Gate as an OpenID Connect provider, over real HTTP: the reader's browser (cookies,
 * redirects one by one) and a partner's back channel. The probes an attacker or a
 * careless partner would try are here too: a redirect URI not registered, PKCE missing or
 * wrong, a code used twice, a code of one partner redeemed by another, scopes beyond the
 * partner's, a consent withdrawn or outdated.
 */
class PartnerSignInPostgresTest extends PostgresIntegrationTest {

	static final String REDIRECT = "https://partner.example.org/login/oauth2/code/hcp-gate";

	static final String SECRET = "partner-secret-for-tests";

	static final String SCOPES = "openid hcp profession zones";

	@LocalServerPort
	int port;

	@Autowired
	PartnerSites sites;

	@Autowired
	PartnerConsentRepository ledger;

	@Autowired
	Readers readers;

	@Autowired
	HcpVerificationService verifications;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	PendingSignIns pending;

	@Autowired
	Reviewer reviewer;

	@Autowired
	ReaderErasure erasure;

	@Autowired
	ReaderAccountRepository accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder passwords;

	String partner;

	PartnerBrowser browser;

	@BeforeEach
	void partnerAndBrowser() {
		this.partner = register(true);
		this.browser = new PartnerBrowser("http://localhost:" + this.port);
	}

	@Test
	void discoveryNamesTheEndpointsAndTheKeysArePublicOnly() throws Exception {
		JsonNode discovery = json(this.browser.get("/.well-known/openid-configuration"));
		assertThat(discovery.get("issuer").asText()).isEqualTo("http://localhost:" + this.port);
		assertThat(discovery.get("authorization_endpoint").asText()).endsWith("/oauth2/authorize");
		assertThat(discovery.get("userinfo_endpoint").asText()).endsWith("/userinfo");
		JsonNode keys = json(this.browser.get("/oauth2/jwks")).get("keys");
		assertThat(keys).isNotEmpty();
		keys.forEach(key -> assertThat(key.has("d")).as("private part published").isFalse());
	}

	@Test
	void aVerifiedReaderConsentsOnceAndThePartnerLearnsOnlyWhatWasAgreed() throws Exception {
		Reader reader = verifiedReader();
		PartnerBrowser.Pkce pkce = PartnerBrowser.Pkce.create();

		HttpResponse<String> consent = authorize(pkce, "state-1", SCOPES);
		assertThat(consent.statusCode()).isEqualTo(200);
		assertThat(consent.body()).contains("id=\"partner-consent\"", "测试合作网站");
		assertThat(consent.headers().firstValue("Content-Security-Policy").orElseThrow())
			.contains("form-action 'self' https://partner.example.org");

		String back = location(this.browser.submitConsent(consent.body(), "agree"));
		assertThat(back).startsWith(REDIRECT);
		assertThat(parameter(back, "state")).isEqualTo("state-1");
		JsonNode tokens = json(exchange(parameter(back, "code"), pkce.verifier(), this.partner));
		Map<String, Object> claims = idToken(tokens);
		assertThat(claims).containsEntry("hcp_verified", true)
			.containsEntry("profession", "physician")
			.containsKey("hcp_verified_until")
			.containsKey("hcp_zones")
			.doesNotContainKeys("name", "hospital", "licence_number");
		assertThat((String) claims.get("sub")).isNotEqualTo(reader.getUsername()).isNotEqualTo(reader.getReaderId());

		JsonNode userInfo = json(this.browser.userInfo(tokens.get("access_token").asText()));
		assertThat(userInfo.get("sub").asText()).isEqualTo(claims.get("sub"));
		assertThat(userInfo.get("hcp_verified").asBoolean()).isTrue();
		assertThat(this.ledger.findByReaderIdOrderByIdDesc(reader.getReaderId())).singleElement().satisfies(row -> {
			assertThat(row.getChoice()).isEqualTo(PartnerConsent.Choice.AGREED);
			assertThat(row.getScopes()).containsExactlyInAnyOrder("openid", "hcp", "profession", "zones");
			assertThat(row.getConsentVersion()).isEqualTo(1);
		});

		// the next sign-in asks nothing: straight back with a code
		HttpResponse<String> again = authorize(PartnerBrowser.Pkce.create(), "state-2", SCOPES);
		assertThat(location(again)).startsWith(REDIRECT).contains("code=");
	}

	@Test
	void aRefusalIsRecordedAndThePartnerHearsAccessDenied() throws Exception {
		Reader reader = verifiedReader();
		HttpResponse<String> consent = authorize(PartnerBrowser.Pkce.create(), "state-r", SCOPES);

		String back = location(this.browser.submitConsent(consent.body(), "refuse"));

		assertThat(back).startsWith(REDIRECT);
		assertThat(parameter(back, "error")).isEqualTo("access_denied");
		assertThat(parameter(back, "state")).isEqualTo("state-r");
		assertThat(parameter(back, "code")).isNull();
		assertThat(this.ledger.findByReaderIdOrderByIdDesc(reader.getReaderId())).singleElement()
			.extracting(PartnerConsent::getChoice)
			.isEqualTo(PartnerConsent.Choice.REFUSED);
	}

	@Test
	void aRedirectUriNotRegisteredGetsATranslatedPageAndNoRedirect() throws Exception {
		verifiedReader();
		HttpResponse<String> refused = this.browser.get(PartnerBrowser.authorizeUrl(this.partner,
				"https://evil.example.com/callback", SCOPES, "s", PartnerBrowser.Pkce.create()));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Location")).isEmpty();
		assertThat(refused.body()).contains("id=\"partner-error\"", "无法完成登录请求")
			.doesNotContain("href=\"https://evil.example.com", "action=\"https://evil.example.com");
	}

	@Test
	void pkceIsRequiredAndChecked() throws Exception {
		verifiedReader();
		HttpResponse<String> withoutPkce = this.browser
			.get(PartnerBrowser.authorizeUrl(this.partner, REDIRECT, SCOPES, "s", null));
		assertThat(location(withoutPkce)).startsWith(REDIRECT).contains("error=invalid_request");

		PartnerBrowser.Pkce pkce = PartnerBrowser.Pkce.create();
		String code = consentedCode(pkce);
		HttpResponse<String> wrongVerifier = exchange(code, PartnerBrowser.Pkce.create().verifier(), this.partner);
		assertThat(wrongVerifier.statusCode()).isEqualTo(400);
		assertThat(json(wrongVerifier).get("error").asText()).isEqualTo("invalid_grant");
	}

	@Test
	void aCodeWorksOnceAndOnlyForItsPartner() throws Exception {
		verifiedReader();
		String other = register(false);
		PartnerBrowser.Pkce pkce = PartnerBrowser.Pkce.create();
		String code = consentedCode(pkce);
		assertThat(exchange(code, pkce.verifier(), this.partner).statusCode()).isEqualTo(200);
		HttpResponse<String> reused = exchange(code, pkce.verifier(), this.partner);
		assertThat(reused.statusCode()).isEqualTo(400);
		assertThat(json(reused).get("error").asText()).isEqualTo("invalid_grant");

		// a code redeemed by another partner fails, and is burnt for its own partner too
		PartnerBrowser.Pkce second = PartnerBrowser.Pkce.create();
		String stolen = consentedCode(second);
		HttpResponse<String> byAnother = exchange(stolen, second.verifier(), other);
		assertThat(byAnother.statusCode()).isEqualTo(400);
		assertThat(json(byAnother).get("error").asText()).isEqualTo("invalid_grant");
		assertThat(exchange(stolen, second.verifier(), this.partner).statusCode()).isEqualTo(400);
	}

	@Test
	void aPartnerCannotAskBeyondItsScopes() throws Exception {
		verifiedReader();
		HttpResponse<String> beyond = authorize(PartnerBrowser.Pkce.create(), "s", "openid hcp licence");
		assertThat(location(beyond)).startsWith(REDIRECT).contains("error=invalid_scope");
	}

	@Test
	void aWithdrawalEndsThePartnersTokensAtOnce() throws Exception {
		Reader reader = verifiedReader();
		PartnerBrowser.Pkce pkce = PartnerBrowser.Pkce.create();
		JsonNode tokens = json(exchange(consentedCode(pkce), pkce.verifier(), this.partner));
		assertThat(refresh(tokens).statusCode()).isEqualTo(200);

		HttpResponse<String> page = this.browser.get("/account/partners");
		assertThat(page.body()).contains("data-client=\"" + this.partner + "\"");
		HttpResponse<String> withdrawn = this.browser.post("/account/partners/" + this.partner + "/withdraw",
				Map.of("_csrf", csrf(page.body())));
		assertThat(location(withdrawn)).endsWith("/account/partners");

		assertThat(refresh(tokens).statusCode()).isEqualTo(400);
		assertThat(this.browser.userInfo(tokens.get("access_token").asText()).statusCode()).isEqualTo(401);
		assertThat(this.ledger.findByReaderIdOrderByIdDesc(reader.getReaderId())).first()
			.extracting(PartnerConsent::getChoice)
			.isEqualTo(PartnerConsent.Choice.WITHDRAWN);
		// asked again on the next sign-in
		assertThat(authorize(PartnerBrowser.Pkce.create(), "s2", SCOPES).body()).contains("id=\"partner-consent\"");
	}

	@Test
	void aRevokedVerificationEndsEveryPartnerAuthorizationOfTheReaderAtOnce() throws Exception {
		Reader reader = verifiedReader();
		PartnerBrowser.Pkce pkce = PartnerBrowser.Pkce.create();
		JsonNode tokens = json(exchange(consentedCode(pkce), pkce.verifier(), this.partner));
		String other = register(false);
		PartnerBrowser.Pkce otherPkce = PartnerBrowser.Pkce.create();
		JsonNode otherTokens = json(exchange(consentedCode(otherPkce, other), otherPkce.verifier(), other));
		assertThat(refresh(tokens).statusCode()).isEqualTo(200);

		this.verifications.markRevoked(reader.getReaderId());

		assertThat(this.jdbc.queryForObject("select count(*) from oauth2_authorization where principal_name = ?",
				Integer.class, reader.getUsername()))
			.isZero();
		assertThat(refresh(tokens).statusCode()).isEqualTo(400);
		assertThat(this.browser.userInfo(tokens.get("access_token").asText()).statusCode()).isEqualTo(401);
		assertThat(refresh(otherTokens, other).statusCode()).as("a partner that needs no verification too")
			.isEqualTo(400);
	}

	@Test
	void aFinalRejectionOfAVerifiedReaderEndsTheirPartnerAuthorizations() throws Exception {
		Reader reader = verifiedReader();
		PartnerBrowser.Pkce pkce = PartnerBrowser.Pkce.create();
		JsonNode tokens = json(exchange(consentedCode(pkce), pkce.verifier(), this.partner));

		this.verifications.markRejectedFinally(reader.getReaderId());

		assertThat(refresh(tokens).statusCode()).isEqualTo(400);
		assertThat(this.browser.userInfo(tokens.get("access_token").asText()).statusCode()).isEqualTo(401);
	}

	@Test
	void anExpiredVerificationGetsNoRefreshAndNoUserInfoFromAPartnerThatNeedsIt() throws Exception {
		Reader reader = verifiedReader();
		PartnerBrowser.Pkce pkce = PartnerBrowser.Pkce.create();
		JsonNode tokens = json(exchange(consentedCode(pkce), pkce.verifier(), this.partner));

		// an expiry writes nothing: no event, the time simply passes
		this.jdbc.update("update hcp_verification set valid_until = now() - interval '1 second' where reader_id = ?",
				reader.getReaderId());

		HttpResponse<String> refused = refresh(tokens);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(json(refused).get("error").asText()).isEqualTo("invalid_grant");
		assertThat(this.browser.userInfo(tokens.get("access_token").asText()).statusCode()).isEqualTo(401);
	}

	@Test
	void aRefreshTokenChainEndsAtItsAbsoluteLifetimeWhateverTheRotation() throws Exception {
		Reader reader = verifiedReader();
		PartnerBrowser.Pkce pkce = PartnerBrowser.Pkce.create();
		JsonNode tokens = json(exchange(consentedCode(pkce), pkce.verifier(), this.partner));
		String started = "update oauth2_authorization set authorization_code_issued_at = now() - cast(? as interval)"
				+ " where principal_name = ? and registered_client_id = ?";
		String refreshExpiry = "select extract(epoch from refresh_token_expires_at - now()) from oauth2_authorization"
				+ " where principal_name = ? and registered_client_id = ?";

		// the chain began 29 days and 23 hours ago: the new refresh token lives an hour,
		// not a day
		this.jdbc.update(started, "29 days 23 hours", reader.getUsername(), this.partner);
		HttpResponse<String> rotated = refresh(tokens);
		assertThat(rotated.statusCode()).isEqualTo(200);
		assertThat(this.jdbc.queryForObject(refreshExpiry, Double.class, reader.getUsername(), this.partner))
			.isBetween(0.0, 3600.0);

		// past the absolute lifetime, a refresh token still valid by its own time is
		// refused
		this.jdbc.update(started, "31 days", reader.getUsername(), this.partner);
		this.jdbc.update("update oauth2_authorization set refresh_token_expires_at = now() + interval '1 hour'"
				+ " where principal_name = ? and registered_client_id = ?", reader.getUsername(), this.partner);
		HttpResponse<String> ended = refresh(json(rotated));
		assertThat(ended.statusCode()).isEqualTo(400);
		assertThat(json(ended).get("error").asText()).isEqualTo("invalid_grant");
	}

	@Test
	void twoPartnersOfOneSessionFindNothingInTheirTokensThatLinksTheReader() throws Exception {
		verifiedReader();
		String other = register(false);
		PartnerBrowser.Pkce pkce = PartnerBrowser.Pkce.create();
		JsonNode tokens = json(exchange(consentedCode(pkce), pkce.verifier(), this.partner));
		PartnerBrowser.Pkce otherPkce = PartnerBrowser.Pkce.create();
		JsonNode otherTokens = json(exchange(consentedCode(otherPkce, other), otherPkce.verifier(), other));

		Map<String, Object> mine = idToken(tokens);
		Map<String, Object> theirs = idToken(otherTokens);
		assertThat(mine.get("sid")).isNotNull().isNotEqualTo(theirs.get("sid"));
		assertThat(theirs.get("sid")).isNotNull();
		assertThat(mine.get("sub")).isNotEqualTo(theirs.get("sub"));
		assertThat(mine).as("no sign-in time unless asked with max_age").doesNotContainKey("auth_time");
		assertThat(theirs).doesNotContainKey("auth_time");
		// a refresh keeps the partner's own session id
		assertThat(idToken(json(refresh(tokens)))).containsEntry("sid", mine.get("sid")).doesNotContainKey("auth_time");

		// asked with max_age: the sign-in time, to the minute
		PartnerBrowser.Pkce asked = PartnerBrowser.Pkce.create();
		HttpResponse<String> back = this.browser
			.get(PartnerBrowser.authorizeUrl(this.partner, REDIRECT, SCOPES, "m", asked) + "&max_age=3600");
		Map<String, Object> withMaxAge = idToken(
				json(exchange(parameter(location(back), "code"), asked.verifier(), this.partner)));
		assertThat(((Number) withMaxAge.get("auth_time")).longValue() % 60).isZero();
		assertThat(withMaxAge).containsEntry("sid", mine.get("sid"));
	}

	@Test
	void aPartnerIntrospectsOnlyItsOwnTokens() throws Exception {
		verifiedReader();
		String other = register(false);
		PartnerBrowser.Pkce pkce = PartnerBrowser.Pkce.create();
		String accessToken = json(exchange(consentedCode(pkce), pkce.verifier(), this.partner)).get("access_token")
			.asText();
		PartnerBrowser.Pkce otherPkce = PartnerBrowser.Pkce.create();
		json(exchange(consentedCode(otherPkce, other), otherPkce.verifier(), other));

		JsonNode own = json(this.browser.introspect(this.partner, SECRET, accessToken));
		assertThat(own.get("active").asBoolean()).isTrue();
		HttpResponse<String> byAnother = this.browser.introspect(other, SECRET, accessToken);
		assertThat(byAnother.statusCode()).isEqualTo(200);
		assertThat(json(byAnother).get("active").asBoolean()).isFalse();
		assertThat(json(byAnother).has("sub")).isFalse();
	}

	@Test
	void promptLoginAndAnExceededMaxAgeMakeTheReaderSignInAgain() throws Exception {
		Reader reader = verifiedReader();
		consentedCode(PartnerBrowser.Pkce.create());

		for (String asking : List.of("&prompt=login", "&max_age=0")) {
			String url = PartnerBrowser.authorizeUrl(this.partner, REDIRECT, SCOPES, "again",
					PartnerBrowser.Pkce.create()) + asking;
			HttpResponse<String> asked = this.browser.get(url);
			assertThat(location(asked)).as(asking + ": to the sign-in page, not back with a code").endsWith("/login");
			assertThat(this.browser.get("/account/partners").statusCode()).as("signed out").isNotEqualTo(200);

			this.browser.signIn(reader.getUsername(), "secret-password");
			HttpResponse<String> back = this.browser.followOnSite(this.browser.get(url));
			assertThat(location(back)).as(asking + ": after the new sign-in").startsWith(REDIRECT).contains("code=");
		}
		// signed in just now: max_age of an hour asks nothing
		String recent = PartnerBrowser.authorizeUrl(this.partner, REDIRECT, SCOPES, "recent",
				PartnerBrowser.Pkce.create()) + "&max_age=3600";
		assertThat(location(this.browser.get(recent))).startsWith(REDIRECT).contains("code=");
	}

	@Test
	void aPartnerAskingForMoreMakesEveryConsentOutdated() throws Exception {
		verifiedReader();
		PartnerBrowser.Pkce pkce = PartnerBrowser.Pkce.create();
		JsonNode tokens = json(exchange(consentedCode(pkce), pkce.verifier(), this.partner));

		PartnerForm more = this.sites.form(this.partner).orElseThrow();
		more.setScopes(Set.of("openid", "hcp", "profession", "zones", "profile"));
		this.sites.save(more, "test-admin");

		assertThat(this.browser.userInfo(tokens.get("access_token").asText()).statusCode()).isEqualTo(401);
		assertThat(refresh(tokens).statusCode()).isEqualTo(400);
		assertThat(authorize(PartnerBrowser.Pkce.create(), "s3", SCOPES).body()).contains("id=\"partner-consent\"");
	}

	@Test
	void aReaderNotYetVerifiedGoesThroughTheJourneyAndBackToThePartner() throws Exception {
		Reader reader = this.readers.newReader();
		this.browser.signIn(reader.getUsername(), "secret-password");
		PartnerBrowser.Pkce pkce = PartnerBrowser.Pkce.create();

		HttpResponse<String> held = this.browser
			.get(PartnerBrowser.authorizeUrl(this.partner, REDIRECT, SCOPES, "state-v", pkce));
		String verify = location(held);
		assertThat(verify).contains("/partners/verify/");
		assertThat(this.browser.get(verify).body()).contains("id=\"start-verification\"");

		// the journey itself is proven in the browser test; here its end is enough
		this.verifications.markVerified(reader.getReaderId(), "physician");
		String pendingId = verify.substring(verify.lastIndexOf('/') + 1);
		HttpResponse<String> consent = this.browser.followOnSite(this.browser.get("/partners/continue/" + pendingId));
		assertThat(consent.body()).contains("id=\"partner-consent\"");
		String back = location(this.browser.submitConsent(consent.body(), "agree"));
		assertThat(parameter(back, "state")).isEqualTo("state-v");
		assertThat(exchange(parameter(back, "code"), pkce.verifier(), this.partner).statusCode()).isEqualTo(200);
		// done: nothing waits any more, and someone else's link finds nothing
		assertThat(this.browser.get("/partners/continue/" + pendingId).statusCode()).isEqualTo(410);
	}

	@Test
	void silentSignInOfAReaderWithoutConsentIsRefused() throws Exception {
		verifiedReader();
		String url = PartnerBrowser.authorizeUrl(this.partner, REDIRECT, SCOPES, "s", PartnerBrowser.Pkce.create())
				+ "&prompt=none";
		assertThat(location(this.browser.get(url))).startsWith(REDIRECT).contains("error=consent_required");
	}

	@Test
	void refusingAFurtherAskRefusesThePartnerEvenWherePartWasAgreedBefore() throws Exception {
		Reader reader = verifiedReader();
		PartnerBrowser.Pkce pkce = PartnerBrowser.Pkce.create();
		HttpResponse<String> first = authorize(pkce, "s1", "openid hcp");
		JsonNode tokens = json(exchange(parameter(location(this.browser.submitConsent(first.body(), "agree")), "code"),
				pkce.verifier(), this.partner));

		HttpResponse<String> more = authorize(PartnerBrowser.Pkce.create(), "s2", SCOPES);
		assertThat(more.body()).contains("id=\"partner-consent\"");
		String back = location(this.browser.submitConsent(more.body(), "refuse"));

		assertThat(parameter(back, "error")).isEqualTo("access_denied");
		assertThat(parameter(back, "code")).isNull();
		assertThat(refresh(tokens).statusCode()).isEqualTo(400);
		assertThat(this.ledger.findByReaderIdOrderByIdDesc(reader.getReaderId())).first()
			.extracting(PartnerConsent::getChoice)
			.isEqualTo(PartnerConsent.Choice.REFUSED);
	}

	@Test
	void aScopeTakenAwayOrAPartnerMadeInactiveEndsItsTokens() throws Exception {
		verifiedReader();
		PartnerBrowser.Pkce pkce = PartnerBrowser.Pkce.create();
		JsonNode tokens = json(exchange(consentedCode(pkce), pkce.verifier(), this.partner));
		PartnerForm less = this.sites.form(this.partner).orElseThrow();
		less.setScopes(Set.of("openid", "hcp", "profession"));
		this.sites.save(less, "test-admin");
		assertThat(refresh(tokens).statusCode()).isEqualTo(400);
		assertThat(this.browser.userInfo(tokens.get("access_token").asText()).statusCode()).isEqualTo(401);

		PartnerBrowser.Pkce again = PartnerBrowser.Pkce.create();
		HttpResponse<String> consent = authorize(again, "s2", "openid hcp profession");
		String code = parameter(consent.statusCode() == 200
				? location(this.browser.submitConsent(consent.body(), "agree")) : location(consent), "code");
		JsonNode renewed = json(exchange(code, again.verifier(), this.partner));
		PartnerForm inactive = this.sites.form(this.partner).orElseThrow();
		inactive.setActive(false);
		this.sites.save(inactive, "test-admin");
		inactive.setActive(true);
		this.sites.save(inactive, "test-admin");
		assertThat(refresh(renewed).statusCode()).as("made inactive once: its tokens do not come back").isEqualTo(400);
	}

	@Test
	void aSilentRequestTellsNothingAboutAReaderWhoNeverAgreed() throws Exception {
		Reader unverified = this.readers.newReader();
		this.browser.signIn(unverified.getUsername(), "secret-password");
		String url = PartnerBrowser.authorizeUrl(this.partner, REDIRECT, SCOPES, "s", PartnerBrowser.Pkce.create())
				+ "&prompt=none";
		// the same answer as for a verified reader: not interaction_required
		assertThat(location(this.browser.get(url))).startsWith(REDIRECT).contains("error=consent_required");
	}

	@Test
	void anUnverifiedReaderIsNotHeldForARequestThatFailsAnyway() throws Exception {
		Reader unverified = this.readers.newReader();
		this.browser.signIn(unverified.getUsername(), "secret-password");
		HttpResponse<String> withoutPkce = this.browser
			.get(PartnerBrowser.authorizeUrl(this.partner, REDIRECT, SCOPES, "s", null));
		assertThat(location(withoutPkce)).startsWith(REDIRECT).contains("error=invalid_request");
	}

	@Test
	void aWaitingSignInSendsBackOnlyFromItsOwnZoneAndEndsWithARefusal() throws Exception {
		Reader reader = this.readers.newReader();
		this.browser.signIn(reader.getUsername(), "secret-password");
		String verify = location(this.browser
			.get(PartnerBrowser.authorizeUrl(this.partner, REDIRECT, SCOPES, "s", PartnerBrowser.Pkce.create())));
		assertThat(verify).contains("/partners/verify/");
		assertThat(this.pending.returnPath(reader.getReaderId(), "another-zone")).isEmpty();
		assertThat(this.pending.returnPath(reader.getReaderId(), JourneyDriver.ZONE)).isPresent();

		this.verifications.markVerified(reader.getReaderId(), "physician");
		String pendingId = verify.substring(verify.lastIndexOf('/') + 1);
		HttpResponse<String> consent = this.browser.followOnSite(this.browser.get("/partners/continue/" + pendingId));
		this.browser.submitConsent(consent.body(), "refuse");
		assertThat(this.pending.returnPath(reader.getReaderId(), JourneyDriver.ZONE)).isEmpty();
	}

	@Test
	void aDeletedAccountLeavesNoTokenAndNoUserNameWithPartners() throws Exception {
		Reader reader = verifiedReader();
		PartnerBrowser.Pkce pkce = PartnerBrowser.Pkce.create();
		JsonNode tokens = json(exchange(consentedCode(pkce), pkce.verifier(), this.partner));

		this.erasure.deleteAccount(this.accounts.findByUsername(reader.getUsername()).orElseThrow().getId());

		assertThat(refresh(tokens).statusCode()).isEqualTo(400);
		assertThat(this.jdbc.queryForObject("select count(*) from oauth2_authorization where principal_name = ?",
				Integer.class, reader.getUsername()))
			.isZero();
		assertThat(this.ledger.findByReaderIdOrderByIdDesc(reader.getReaderId())).isNotEmpty()
			.allSatisfy(row -> assertThat(row.getPrincipalName()).isEmpty());
	}

	@Test
	void theCleanUpRemovesConsentPagesLeftOpenForADayAndNothingInUse() throws Exception {
		verifiedReader();
		HttpResponse<String> open = authorize(PartnerBrowser.Pkce.create(), "left-open", SCOPES);
		assertThat(open.body()).contains("id=\"partner-consent\"");
		PartnerBrowser.Pkce pkce = PartnerBrowser.Pkce.create();
		consentedCode(pkce);
		String count = "select count(*) from oauth2_authorization where registered_client_id = ?";
		assertThat(this.jdbc.queryForObject(count, Integer.class, this.partner)).isEqualTo(2);

		this.pending.removeExpired();
		assertThat(this.jdbc.queryForObject(count, Integer.class, this.partner)).as("both still in use").isEqualTo(2);

		this.jdbc.update("update oauth2_authorization set created_at = created_at - interval '2 days'"
				+ " where registered_client_id = ?", this.partner);
		this.pending.removeExpired();
		assertThat(this.jdbc.queryForObject(count, Integer.class, this.partner)).as("the code's stays").isEqualTo(1);
	}

	@Test
	void silentSignInWithoutASignedInReaderIsLoginRequired() throws Exception {
		String url = PartnerBrowser.authorizeUrl(this.partner, REDIRECT, SCOPES, "s", PartnerBrowser.Pkce.create())
				+ "&prompt=none";
		assertThat(location(this.browser.get(url))).startsWith(REDIRECT).contains("error=login_required");
		// without prompt=none, the reader is sent to the site's sign-in page
		HttpResponse<String> asked = this.browser
			.get(PartnerBrowser.authorizeUrl(this.partner, REDIRECT, SCOPES, "s", PartnerBrowser.Pkce.create()));
		assertThat(location(asked)).endsWith("/login");
	}

	@Test
	void administratorsRegisterPartnersOverRestAndOthersCannot() throws Exception {
		String clientId = "api" + UUID.randomUUID().toString().substring(0, 8);
		String body = "{\"name\":\"REST 合作网站\",\"redirectUris\":[\"https://rest.example.org/cb\"],"
				+ "\"scopes\":[\"openid\",\"hcp\"],\"needsVerifiedHcp\":false}";
		HttpHeaders json = new HttpHeaders();
		json.setContentType(MediaType.APPLICATION_JSON);
		json.setAcceptLanguageAsLocales(List.of(Locale.ENGLISH));

		ResponseEntity<String> byEditor = this.rest.withBasicAuth("demo-editor", "demo-editor")
			.exchange("/api/partners/" + clientId, HttpMethod.PUT, new HttpEntity<>(body, json), String.class);
		assertThat(byEditor.getStatusCode().value()).isEqualTo(403);

		ResponseEntity<String> created = this.rest.withBasicAuth("demo-admin", "demo-admin")
			.exchange("/api/partners/" + clientId, HttpMethod.PUT, new HttpEntity<>(body, json), String.class);
		assertThat(created.getStatusCode().value()).isEqualTo(201);
		String secret = PartnerBrowser.JSON.readTree(created.getBody()).get("clientSecret").asText();
		assertThat(secret).hasSizeGreaterThan(30);
		assertThat(this.jdbc.queryForObject("select client_secret from oauth2_registered_client where client_id = ?",
				String.class, clientId))
			.startsWith("{hmac}")
			.doesNotContain(secret);

		String unsafe = body.replace("https://rest.example.org/cb", "http://rest.example.org/cb#x");
		ResponseEntity<String> refused = this.rest.withBasicAuth("demo-admin", "demo-admin")
			.exchange("/api/partners/" + clientId, HttpMethod.PUT, new HttpEntity<>(unsafe, json), String.class);
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getBody()).contains("redirectUris").contains("is not valid");
	}

	@Test
	void clientSecretsAreKeptAsAKeyedHashAndAnOlderBcryptSecretIsTakenOnceAndUpgraded() throws Exception {
		String secretColumn = "select client_secret from oauth2_registered_client where client_id = ?";
		assertThat(this.jdbc.queryForObject(secretColumn, String.class, this.partner)).startsWith("{hmac}")
			.doesNotContain(SECRET);

		// a secret kept by the BCrypt of before still works, and is kept as a keyed hash
		this.jdbc.update("update oauth2_registered_client set client_secret = ? where client_id = ?",
				this.passwords.encode(SECRET), this.partner);
		verifiedReader();
		PartnerBrowser.Pkce pkce = PartnerBrowser.Pkce.create();
		String code = consentedCode(pkce);
		Map<String, String> wrong = new LinkedHashMap<>();
		wrong.put("grant_type", "authorization_code");
		wrong.put("code", code);
		wrong.put("redirect_uri", REDIRECT);
		wrong.put("code_verifier", pkce.verifier());
		assertThat(this.browser.token(this.partner, "not-the-secret", wrong).statusCode()).isEqualTo(401);
		assertThat(exchange(code, pkce.verifier(), this.partner).statusCode()).isEqualTo(200);
		assertThat(this.jdbc.queryForObject(secretColumn, String.class, this.partner)).startsWith("{hmac}");
	}

	@Test
	void guessingAnAdministratorsPasswordOnThePartnersApiIsThrottled() {
		String admin = this.reviewer.newStaffMember("pa-", StaffGroups.ADMINISTRATORS);
		try {
			List<Integer> answers = new java.util.ArrayList<>();
			for (int attempt = 0; attempt < 12; attempt++) {
				answers.add(this.rest.withBasicAuth(admin, "guess-" + attempt)
					.getForEntity("/api/partners", String.class)
					.getStatusCode()
					.value());
			}
			// the same shared throttle as every staff sign-in: it waits before it checks
			assertThat(answers).containsOnly(401, 429).contains(429);
		}
		finally {
			this.jdbc.update("delete from sign_in_failure");
		}
	}

	// helpers

	private String register(boolean needsVerifiedHcp) {
		PartnerForm form = new PartnerForm();
		form.setClientId("p" + UUID.randomUUID().toString().substring(0, 8));
		form.setName("测试合作网站");
		form.setRedirectUris(List.of(REDIRECT));
		form.setScopes(Set.of("openid", "hcp", "profession", "zones"));
		form.setZoneKeys(Set.of(JourneyDriver.ZONE));
		form.setNeedsVerifiedHcp(needsVerifiedHcp);
		form.setJourneyZoneKey(JourneyDriver.ZONE);
		this.sites.save(form, "test-admin", SECRET);
		return form.getClientId();
	}

	private Reader verifiedReader() throws Exception {
		Reader reader = this.readers.newReader();
		this.verifications.markVerified(reader.getReaderId(), "physician");
		this.browser.signIn(reader.getUsername(), "secret-password");
		return reader;
	}

	private HttpResponse<String> authorize(PartnerBrowser.Pkce pkce, String state, String scopes) throws Exception {
		return this.browser
			.followOnSite(this.browser.get(PartnerBrowser.authorizeUrl(this.partner, REDIRECT, scopes, state, pkce)));
	}

	private String consentedCode(PartnerBrowser.Pkce pkce) throws Exception {
		return consentedCode(pkce, this.partner);
	}

	private String consentedCode(PartnerBrowser.Pkce pkce, String clientId) throws Exception {
		HttpResponse<String> consent = this.browser
			.followOnSite(this.browser.get(PartnerBrowser.authorizeUrl(clientId, REDIRECT, SCOPES, "s", pkce)));
		String back = consent.statusCode() == 200 ? location(this.browser.submitConsent(consent.body(), "agree"))
				: location(consent);
		return parameter(back, "code");
	}

	private HttpResponse<String> exchange(String code, String verifier, String clientId) throws Exception {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("grant_type", "authorization_code");
		fields.put("code", code);
		fields.put("redirect_uri", REDIRECT);
		fields.put("code_verifier", verifier);
		return this.browser.token(clientId, SECRET, fields);
	}

	private HttpResponse<String> refresh(JsonNode tokens) throws Exception {
		return refresh(tokens, this.partner);
	}

	private HttpResponse<String> refresh(JsonNode tokens, String clientId) throws Exception {
		return this.browser.token(clientId, SECRET,
				Map.of("grant_type", "refresh_token", "refresh_token", tokens.get("refresh_token").asText()));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> idToken(JsonNode tokens) throws Exception {
		String payload = tokens.get("id_token").asText().split("\\.")[1];
		return PartnerBrowser.JSON.readValue(Base64.getUrlDecoder().decode(payload), Map.class);
	}

	private static String csrf(String page) {
		java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
			.matcher(page);
		assertThat(token.find()).isTrue();
		return token.group(1);
	}

}
