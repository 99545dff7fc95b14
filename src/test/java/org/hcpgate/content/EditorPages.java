package org.hcpgate.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hcpgate.support.StaffSessions;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A staff member on the site's staff pages as a browser is: signed in at the webapps (the
 * session the pages trust), posting forms with the CSRF token the pages carry.
 */
final class EditorPages {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final TestRestTemplate rest;

	private final HttpHeaders session;

	private EditorPages(TestRestTemplate rest, HttpHeaders session) {
		this.rest = rest;
		this.session = session;
	}

	static EditorPages signIn(TestRestTemplate rest, String user, String password) {
		HttpHeaders signedIn = StaffSessions.signIn(rest, user, password);
		HttpHeaders session = new HttpHeaders();
		session.put(HttpHeaders.COOKIE, signedIn.get(HttpHeaders.COOKIE));
		return new EditorPages(rest, session);
	}

	static EditorPages anonymous(TestRestTemplate rest) {
		return new EditorPages(rest, new HttpHeaders());
	}

	ResponseEntity<String> get(String path) {
		return this.rest.exchange(path, HttpMethod.GET, new HttpEntity<>(this.session), String.class);
	}

	/**
	 * Posts a form (name, value, name, value…) with the token of the page it came from.
	 */
	ResponseEntity<String> post(String formPage, String path, String... namesAndValues) {
		ResponseEntity<String> page = get(formPage);
		Matcher token = CSRF.matcher((page.getBody() != null) ? page.getBody() : "");
		assertThat(token.find()).as("a CSRF token on " + formPage).isTrue();
		return postWithToken(path, token.group(1), namesAndValues);
	}

	ResponseEntity<String> postWithToken(String path, String token, String... namesAndValues) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		if (token != null) {
			form.add("_csrf", token);
		}
		for (int i = 0; i < namesAndValues.length; i += 2) {
			form.add(namesAndValues[i], namesAndValues[i + 1]);
		}
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(this.session);
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		return this.rest.exchange(path, HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
	}

	/**
	 * Uploads a file as a multipart form does, with the token of the page it came from.
	 */
	ResponseEntity<String> upload(String formPage, String path, String field, String fileName, byte[] bytes) {
		ResponseEntity<String> page = get(formPage);
		Matcher token = CSRF.matcher((page.getBody() != null) ? page.getBody() : "");
		assertThat(token.find()).as("a CSRF token on " + formPage).isTrue();
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("_csrf", token.group(1));
		form.add(field, new org.springframework.core.io.ByteArrayResource(bytes) {

			@Override
			public String getFilename() {
				return fileName;
			}

		});
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(this.session);
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return this.rest.exchange(path, HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
	}

	ResponseEntity<byte[]> getBytes(String path) {
		return this.rest.exchange(path, HttpMethod.GET, new HttpEntity<>(this.session), byte[].class);
	}

	/**
	 * The page a post led to, as a browser shows it: the template follows redirects
	 * itself, this follows one it left.
	 */
	ResponseEntity<String> follow(ResponseEntity<String> response) {
		if (response.getStatusCode().is3xxRedirection()) {
			return get(response.getHeaders().getLocation().getPath());
		}
		assertThat(response.getStatusCode().is2xxSuccessful()).as("got " + response.getStatusCode()).isTrue();
		return response;
	}

}
