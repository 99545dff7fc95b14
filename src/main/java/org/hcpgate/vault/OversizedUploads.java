package org.hcpgate.vault;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A credential form sent with a file over the upload limit
 * ({@code spring.servlet.multipart.max-file-size}), whatever its size, comes back as the
 * form with what the reader typed and a message, not an error or another page: before
 * Spring Security (whose CSRF check would otherwise fail on a body it cannot read), the
 * multipart body is read as a stream, its text fields kept (at most 64 KB in all) and the
 * file's bytes passed over without being stored; the request goes on without the file,
 * marked {@link UploadIntake#OVERSIZED}. Smaller uploads are not touched.
 */
@Configuration(proxyBeanMethods = false)
class OversizedUploads {

	static final int MAX_FIELDS_BYTES = 64 * 1024;

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> oversizedUploadFilter(MultipartProperties multipart) {
		long limit = multipart.getMaxFileSize().toBytes();
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {
					@Override
					protected boolean shouldNotFilter(HttpServletRequest request) {
						String type = request.getContentType();
						return !"POST".equals(request.getMethod()) || type == null
								|| !type.toLowerCase().startsWith("multipart/form-data")
								|| request.getContentLengthLong() <= limit;
					}

					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						Map<String, List<String>> fields = readFields(request);
						HttpServletRequest withoutFile = new FieldsOnly(request, fields);
						withoutFile.setAttribute(UploadIntake.OVERSIZED, Boolean.TRUE);
						chain.doFilter(withoutFile, response);
					}
				});
		registration.addUrlPatterns("/journey/*");
		registration.setName("oversized-uploads");
		// before Spring Security: its CSRF check reads the form's token
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
		return registration;
	}

	/**
	 * The text fields of a multipart body, read as a stream; file contents are skipped.
	 */
	static Map<String, List<String>> readFields(HttpServletRequest request) throws IOException {
		Matcher boundary = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(request.getContentType());
		if (!boundary.find()) {
			return Map.of();
		}
		return readFields(request.getInputStream(), boundary.group(1));
	}

	static Map<String, List<String>> readFields(InputStream body, String boundary) throws IOException {
		Map<String, List<String>> fields = new LinkedHashMap<>();
		BufferedInputStream in = new BufferedInputStream(body, 64 * 1024);
		byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
		// the body starts with the delimiter without its line break
		skipUntil(in, ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1), null, 0);
		int kept = 0;
		while (true) {
			int first = in.read();
			int second = in.read();
			if (first != '\r' || second != '\n') {
				// "--": the closing delimiter (or a broken body): done
				return fields;
			}
			String headers = readHeaders(in);
			Matcher name = Pattern.compile("name=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE).matcher(headers);
			boolean file = headers.toLowerCase().contains("filename=");
			ByteArrayOutputStream value = (file || !name.find()) ? null : new ByteArrayOutputStream();
			if (!skipUntil(in, delimiter, value, MAX_FIELDS_BYTES - kept)) {
				return fields;
			}
			if (value != null) {
				kept += value.size();
				fields.computeIfAbsent(name.group(1), key -> new ArrayList<>())
					.add(value.toString(StandardCharsets.UTF_8));
			}
		}
	}

	private static String readHeaders(InputStream in) throws IOException {
		ByteArrayOutputStream headers = new ByteArrayOutputStream();
		int matched = 0;
		byte[] end = { '\r', '\n', '\r', '\n' };
		int next;
		while (matched < end.length && (next = in.read()) >= 0) {
			headers.write(next);
			matched = (next == end[matched]) ? matched + 1 : ((next == '\r') ? 1 : 0);
			if (headers.size() > 8 * 1024) {
				break;
			}
		}
		return headers.toString(StandardCharsets.UTF_8);
	}

	/**
	 * Reads up to and past the delimiter, writing what comes before it to {@code sink}
	 * (when there is one, at most {@code room} bytes); false at the end of the body.
	 */
	private static boolean skipUntil(InputStream in, byte[] delimiter, ByteArrayOutputStream sink, int room)
			throws IOException {
		int[] failure = failure(delimiter);
		int matched = 0;
		int next;
		while ((next = in.read()) >= 0) {
			while (matched > 0 && next != (delimiter[matched] & 0xFF)) {
				if (sink != null && sink.size() + matched - failure[matched - 1] <= room) {
					sink.write(delimiter, 0, matched - failure[matched - 1]);
				}
				matched = failure[matched - 1];
			}
			if (next == (delimiter[matched] & 0xFF)) {
				matched++;
				if (matched == delimiter.length) {
					return true;
				}
			}
			else if (sink != null && sink.size() < room) {
				sink.write(next);
			}
		}
		return false;
	}

	/** Knuth–Morris–Pratt: how much of the delimiter still matches after a mismatch. */
	private static int[] failure(byte[] pattern) {
		int[] failure = new int[pattern.length];
		for (int i = 1, k = 0; i < pattern.length; i++) {
			while (k > 0 && pattern[i] != pattern[k]) {
				k = failure[k - 1];
			}
			if (pattern[i] == pattern[k]) {
				k++;
			}
			failure[i] = k;
		}
		return failure;
	}

	/** The request as if the form had been sent without its file. */
	static final class FieldsOnly extends HttpServletRequestWrapper {

		private final Map<String, String[]> parameters = new LinkedHashMap<>();

		FieldsOnly(HttpServletRequest request, Map<String, List<String>> fields) {
			super(request);
			if (request.getQueryString() != null) {
				UriComponentsBuilder.newInstance()
					.query(request.getQueryString())
					.build()
					.getQueryParams()
					.forEach((key, values) -> this.parameters.put(key, values.toArray(String[]::new)));
			}
			fields.forEach((key, values) -> this.parameters.put(key, values.toArray(String[]::new)));
		}

		@Override
		public String getContentType() {
			return "application/x-www-form-urlencoded";
		}

		@Override
		public int getContentLength() {
			return 0;
		}

		@Override
		public long getContentLengthLong() {
			return 0;
		}

		@Override
		public String getParameter(String name) {
			String[] values = this.parameters.get(name);
			return (values != null && values.length > 0) ? values[0] : null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return Collections.unmodifiableMap(this.parameters);
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(this.parameters.keySet());
		}

		@Override
		public String[] getParameterValues(String name) {
			return this.parameters.get(name);
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream empty = new ByteArrayInputStream(new byte[0]);
			return new ServletInputStream() {
				@Override
				public int read() {
					return empty.read();
				}

				@Override
				public boolean isFinished() {
					return true;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
				}
			};
		}

	}

}
