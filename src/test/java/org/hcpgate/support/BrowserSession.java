package org.hcpgate.support;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultHandler;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A browser's session for MockMvc: sessions live in the database (Spring Session JDBC)
 * and are found by their cookie, as for a real browser, so a test keeps the cookie
 * between requests. {@code .with(session)} sends it; {@code .andDo(session)} keeps what
 * the answer set (a new session, a new id after signing in).
 */
public final class BrowserSession implements RequestPostProcessor, ResultHandler {

	static final String COOKIE = "SESSION";

	private volatile String id;

	@Override
	public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
		if (this.id != null) {
			request.setCookies(new jakarta.servlet.http.Cookie(COOKIE, this.id));
		}
		return request;
	}

	@Override
	public void handle(MvcResult result) {
		List<String> setCookies = result.getResponse().getHeaders(HttpHeaders.SET_COOKIE);
		for (String setCookie : setCookies) {
			String[] nameValue = setCookie.split(";", 2)[0].split("=", 2);
			if (COOKIE.equals(nameValue[0])) {
				this.id = (nameValue.length > 1 && !nameValue[1].isEmpty()) ? nameValue[1] : null;
			}
		}
	}

	public boolean isStarted() {
		return this.id != null;
	}

}
