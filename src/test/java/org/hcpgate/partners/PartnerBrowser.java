package org.hcpgate.partners;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A reader's browser (its own cookies, redirects looked at one by one) and a partner's
 * back channel, speaking the protocol over real HTTP to the running application.
 */
final class PartnerBrowser {

	static final ObjectMapper JSON = new ObjectMapper();

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String base;

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	PartnerBrowser(String base) {
		this.base = base;
	}

	HttpResponse<String> get(String pathOrUrl) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(pathOrUrl))
			.header("Accept", "text/html")
			.timeout(Duration.ofSeconds(30))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> post(String pathOrUrl, Map<String, String> fields) throws IOException, InterruptedException {
		return send(pathOrUrl, form(fields), null);
	}

	/** Signs in on the site's own page. */
	void signIn(String username, String password) throws IOException, InterruptedException {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("_csrf", csrf(get("/login").body()));
		fields.put("username", username);
		fields.put("password", password);
		HttpResponse<String> signedIn = post("/login", fields);
		if (signedIn.statusCode() != 302 || location(signedIn).contains("error")) {
			throw new IllegalStateException("Sign-in failed: " + signedIn.statusCode() + " " + location(signedIn));
		}
	}

	/**
	 * Follows the application's own redirects from a first response, and stops at a page
	 * or at a redirect that leaves for another origin (the partner).
	 */
	HttpResponse<String> followOnSite(HttpResponse<String> response) throws IOException, InterruptedException {
		HttpResponse<String> current = response;
		for (int hops = 0; hops < 10 && current.statusCode() / 100 == 3; hops++) {
			String next = location(current);
			if (next.startsWith("http") && !next.startsWith(this.base)) {
				return current;
			}
			current = get(next);
		}
		return current;
	}

	/** The consent page's form with this id, sent as the browser sends it. */
	HttpResponse<String> submitConsent(String page, String formId) throws IOException, InterruptedException {
		Matcher form = Pattern.compile("<form id=\"" + formId + "\"[^>]*>(.*?)</form>", Pattern.DOTALL).matcher(page);
		if (!form.find()) {
			throw new IllegalStateException("No form " + formId + " on the page:\n" + page);
		}
		Matcher inputs = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")
			.matcher(form.group(1));
		StringBuilder body = new StringBuilder();
		while (inputs.find()) {
			body.append(body.isEmpty() ? "" : "&")
				.append(encode(inputs.group(1)))
				.append('=')
				.append(encode(inputs.group(2).replace("&amp;", "&")));
		}
		return send("/oauth2/authorize", body.toString(), null);
	}

	/** The partner's back channel: the token endpoint with the client's credentials. */
	HttpResponse<String> token(String clientId, String secret, Map<String, String> fields)
			throws IOException, InterruptedException {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		return send("/oauth2/token", form(fields), "Basic " + basic);
	}

	/** The partner's back channel: token introspection (RFC 7662). */
	HttpResponse<String> introspect(String clientId, String secret, String token)
			throws IOException, InterruptedException {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		return send("/oauth2/introspect", form(Map.of("token", token)), "Basic " + basic);
	}

	HttpResponse<String> userInfo(String accessToken) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri("/userinfo"))
			.header("Authorization", "Bearer " + accessToken)
			.timeout(Duration.ofSeconds(30))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("");
	}

	/** A query parameter of a URL, decoded. */
	static String parameter(String url, String name) {
		String query = URI.create(url).getRawQuery();
		if (query == null) {
			return null;
		}
		for (String pair : query.split("&")) {
			String[] parts = pair.split("=", 2);
			if (parts[0].equals(name)) {
				return java.net.URLDecoder.decode(parts.length > 1 ? parts[1] : "", StandardCharsets.UTF_8);
			}
		}
		return null;
	}

	static JsonNode json(HttpResponse<String> response) throws IOException {
		return JSON.readTree(response.body());
	}

	/** A PKCE pair: the verifier the partner keeps, its S256 challenge. */
	record Pkce(String verifier, String challenge) {

		static Pkce create() {
			String verifier = UUID.randomUUID().toString() + UUID.randomUUID();
			try {
				byte[] digest = MessageDigest.getInstance("SHA-256")
					.digest(verifier.getBytes(StandardCharsets.US_ASCII));
				return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	/** An authorization request as a partner sends it. */
	static String authorizeUrl(String clientId, String redirectUri, String scope, String state, Pkce pkce) {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("response_type", "code");
		query.put("client_id", clientId);
		query.put("redirect_uri", redirectUri);
		query.put("scope", scope);
		query.put("state", state);
		query.put("nonce", "n-" + state);
		if (pkce != null) {
			query.put("code_challenge", pkce.challenge());
			query.put("code_challenge_method", "S256");
		}
		return "/oauth2/authorize?" + form(query);
	}

	private HttpResponse<String> send(String pathOrUrl, String body, String authorization)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathOrUrl))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html, application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String pathOrUrl) {
		return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : this.base + pathOrUrl);
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
	}

	private static String csrf(String page) {
		Matcher token = CSRF.matcher(page);
		if (!token.find()) {
			throw new IllegalStateException("No CSRF token on the page:\n" + page);
		}
		return token.group(1);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
