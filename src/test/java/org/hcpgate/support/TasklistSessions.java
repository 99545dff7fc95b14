package org.hcpgate.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Signs staff in at the Camunda webapps as a browser does (the webapps' own login resource)
 * and returns the session cookies: what the staff pages ({@code /staff/**}) and the webapps'
 * API trust.
 */
public final class TasklistSessions {

	private TasklistSessions() {
	}

	/** Cookies (and the webapps' CSRF token) of a staff member signed in to Tasklist. */
	public static HttpHeaders signIn(TestRestTemplate rest, String user, String password) {
		ResponseEntity<String> entry = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
		List<String> cookies = entry.getHeaders().get(HttpHeaders.SET_COOKIE);
		String xsrf = entry.getHeaders().getFirst("X-XSRF-TOKEN");
		HttpHeaders headers = new HttpHeaders();
		headers.put(HttpHeaders.COOKIE, cookies.stream().map(c -> c.split(";", 2)[0]).toList());
		headers.set("X-XSRF-TOKEN", xsrf);
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("username", user);
		form.add("password", password);
		ResponseEntity<String> login = rest.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist",
				new HttpEntity<>(form, headers), String.class);
		assertThat(login.getStatusCode()).as(login.getBody()).isEqualTo(HttpStatus.OK);
		HttpHeaders signedIn = new HttpHeaders();
		List<String> renewed = login.getHeaders().get(HttpHeaders.SET_COOKIE);
		signedIn.put(HttpHeaders.COOKIE,
				((renewed != null) ? renewed : cookies).stream().map(c -> c.split(";", 2)[0]).toList());
		signedIn.set("X-XSRF-TOKEN", xsrf);
		return signedIn;
	}

}
