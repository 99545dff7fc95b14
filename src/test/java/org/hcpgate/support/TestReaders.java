package org.hcpgate.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import org.hcpgate.readers.Reader;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A signed-in reader for the web slice tests, without a database. */
public final class TestReaders {

	private TestReaders() {
	}

	public static Reader reader(long id) {
		return new Reader(String.valueOf(id), "reader-" + id, "读者 " + id);
	}

	/** Signs the request in as the reader, as the site's sign-in does. */
	public static RequestPostProcessor signedIn(Reader reader) {
		return authentication(new UsernamePasswordAuthenticationToken(reader, null, reader.getAuthorities()));
	}

}
