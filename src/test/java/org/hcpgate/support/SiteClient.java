package org.hcpgate.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A reader's browser without a screen, for the multi-process tests: keeps its cookies
 * (for localhost, whatever the port: one session across nodes), takes the CSRF token from
 * the page it posts from, follows redirects as a browser does.
 */
public final class SiteClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(this.cookies)
		.followRedirects(HttpClient.Redirect.NORMAL)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	/** The value of a cookie this reader holds (the session's, say), or null. */
	public String cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(cookie -> cookie.getName().equals(name))
			.map(java.net.HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	public HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** Opens the page, then posts its form's fields with its CSRF token. */
	public HttpResponse<String> post(String page, String action, Map<String, String> fields)
			throws IOException, InterruptedException {
		String token = csrf(get(page).body());
		String body = fields.entrySet()
			.stream()
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&", "_csrf=" + encode(token) + "&", ""));
		return this.http.send(HttpRequest.newBuilder(URI.create(action))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The same with a file, as multipart/form-data. */
	public HttpResponse<String> postWithFile(String page, String action, Map<String, String> fields, String fileField,
			byte[] file) throws IOException, InterruptedException {
		String token = csrf(get(page).body());
		String boundary = "----hcpgate" + UUID.randomUUID().toString().replace("-", "");
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		part(body, boundary, "_csrf", token);
		for (Map.Entry<String, String> field : fields.entrySet()) {
			part(body, boundary, field.getKey(), field.getValue());
		}
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
				+ "\"; filename=\"licence.png\"\r\nContent-Type: image/png\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(file);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return this.http.send(HttpRequest.newBuilder(URI.create(action))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void part(ByteArrayOutputStream body, String boundary, String name, String value) {
		body.writeBytes(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
					.getBytes(StandardCharsets.UTF_8));
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
