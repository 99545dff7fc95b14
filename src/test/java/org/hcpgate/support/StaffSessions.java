package org.hcpgate.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Signs staff in at the Camunda webapps as a browser does: the session cookie and the
 * webapps' CSRF token (cookie {@code XSRF-TOKEN}, header {@code X-XSRF-TOKEN}).
 */
public final class StaffSessions {

	private StaffSessions() {
	}

	/** A signed-in session: its cookies and the CSRF header the webapps' API wants. */
	public static HttpHeaders signIn(TestRestTemplate rest, String user, String password) {
		Map<String, String> cookies = new LinkedHashMap<>();
		ResponseEntity<String> login = postSignIn(rest, user, password, cookies);
		assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
		String xsrf = login.getHeaders().getFirst("X-XSRF-TOKEN");
		// Signing in renews the session (and with it the CSRF token): fetch the new
		// token.
		HttpHeaders renewed = new HttpHeaders();
		renewed.put(HttpHeaders.COOKIE, cookieHeader(cookies));
		ResponseEntity<String> fetch = rest.exchange("/camunda/app/tasklist/default/", HttpMethod.GET,
				new HttpEntity<>(renewed), String.class);
		cookies(fetch.getHeaders(), cookies);
		String token = fetch.getHeaders().getFirst("X-XSRF-TOKEN");
		HttpHeaders signedIn = new HttpHeaders();
		signedIn.put(HttpHeaders.COOKIE, cookieHeader(cookies));
		signedIn.set("X-XSRF-TOKEN", (token != null) ? token : xsrf);
		return signedIn;
	}

	/** What the webapps' sign-in form answers, sent as a browser sends it. */
	public static HttpStatus trySignIn(TestRestTemplate rest, String user, String password) {
		return HttpStatus.valueOf(postSignIn(rest, user, password, new LinkedHashMap<>()).getStatusCode().value());
	}

	private static ResponseEntity<String> postSignIn(TestRestTemplate rest, String user, String password,
			Map<String, String> cookies) {
		ResponseEntity<String> entry = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
		cookies(entry.getHeaders(), cookies);
		HttpHeaders headers = new HttpHeaders();
		headers.put(HttpHeaders.COOKIE, cookieHeader(cookies));
		headers.set("X-XSRF-TOKEN", entry.getHeaders().getFirst("X-XSRF-TOKEN"));
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("username", user);
		form.add("password", password);
		ResponseEntity<String> login = rest.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist",
				new HttpEntity<>(form, headers), String.class);
		cookies(login.getHeaders(), cookies);
		return login;
	}

	private static Map<String, String> cookies(HttpHeaders headers, Map<String, String> into) {
		List<String> setCookies = headers.get(HttpHeaders.SET_COOKIE);
		if (setCookies != null) {
			for (String setCookie : setCookies) {
				String[] nameValue = setCookie.split(";", 2)[0].split("=", 2);
				into.put(nameValue[0], nameValue.length > 1 ? nameValue[1] : "");
			}
		}
		return into;
	}

	private static List<String> cookieHeader(Map<String, String> cookies) {
		List<String> header = new ArrayList<>();
		cookies.forEach((name, value) -> header.add(name + "=" + value));
		return header;
	}

}
