package org.hcpgate.security;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses task and filter queries that carry an expression ({@code ${…}} or {@code #{…}})
 * anywhere: in a query parameter, or in any name or value of the JSON body,
 * {@code orQueries} included. Covers the REST API ({@code /engine-rest/task},
 * {@code /engine-rest/filter/**}, also under {@code /engine-rest/engine/{name}/}) and the
 * webapps' own copy of it ({@code /camunda/api/engine/engine/{name}/task},
 * {@code …/filter/**}). The body is parsed as JSON, so an escaped {@code \u0024{} is
 * found too; a body that is no JSON is refused. The engine would evaluate an expression
 * in an {@code or} branch even with expressions switched off; nothing that reaches it
 * from here can carry one.
 */
class ExpressionGuardFilter extends OncePerRequestFilter {

	/**
	 * Task queries (list, count) and everything about filters (create, update, execute).
	 */
	final Pattern guarded;

	private static final Pattern EXPRESSION = Pattern.compile("[$#]\\s*\\{");

	/** A query is small; a larger body is refused rather than buffered. */
	static final int MAX_BODY = 256 * 1024;

	private final ObjectMapper json = new ObjectMapper();

	/** Guards the REST API and the webapps' engine API where they are configured. */
	ExpressionGuardFilter(StaffPaths paths) {
		this.guarded = Pattern.compile("^(" + Pattern.quote(paths.rest("")) + "(/engine/[^/]+)?|"
				+ Pattern.quote(paths.webapps("/api/engine/engine/")) + "[^/]+)/(task(/count)?/?|filter(/.*)?)$",
				Pattern.CASE_INSENSITIVE);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.guarded.matcher(path(request)).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
		if (body.length > MAX_BODY) {
			refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Query too large");
			return;
		}
		if (carriesExpression(request.getParameterMap()) || carriesExpression(request.getQueryString())) {
			refuse(response, HttpServletResponse.SC_BAD_REQUEST, ExpressionFreeQueries.MESSAGE);
			return;
		}
		if (body.length > 0) {
			JsonNode tree;
			try {
				tree = this.json.readTree(body);
			}
			catch (JsonProcessingException notJson) {
				refuse(response, HttpServletResponse.SC_BAD_REQUEST, "A query must be JSON");
				return;
			}
			if (carriesExpression(tree) || carriesExpression(new String(body, StandardCharsets.UTF_8))) {
				refuse(response, HttpServletResponse.SC_BAD_REQUEST, ExpressionFreeQueries.MESSAGE);
				return;
			}
		}
		chain.doFilter(new CachedBody(request, body), response);
	}

	static boolean carriesExpression(String text) {
		return text != null && EXPRESSION.matcher(text).find();
	}

	private static boolean carriesExpression(Map<String, String[]> parameters) {
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			if (carriesExpression(parameter.getKey())) {
				return true;
			}
			for (String value : parameter.getValue()) {
				if (carriesExpression(value)) {
					return true;
				}
			}
		}
		return false;
	}

	static boolean carriesExpression(JsonNode node) {
		if (node == null) {
			return false;
		}
		if (node.isTextual()) {
			return carriesExpression(node.textValue());
		}
		if (node.isObject()) {
			for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
				Map.Entry<String, JsonNode> field = fields.next();
				if (carriesExpression(field.getKey()) || carriesExpression(field.getValue())) {
					return true;
				}
			}
			return false;
		}
		if (node.isArray()) {
			for (JsonNode element : node) {
				if (carriesExpression(element)) {
					return true;
				}
			}
		}
		return false;
	}

	/** The decoded path, as the REST servlet will match it (not the raw, encoded URI). */
	static String path(HttpServletRequest request) {
		String servletPath = (request.getServletPath() != null) ? request.getServletPath() : "";
		String pathInfo = (request.getPathInfo() != null) ? request.getPathInfo() : "";
		return servletPath + pathInfo;
	}

	private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
		response.setStatus(status);
		response.setContentType("application/json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write("{\"type\":\"InvalidRequestException\",\"message\":\"" + message + "\"}");
	}

	/** The request with its body read once and served again to the REST servlet. */
	private static final class CachedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			String encoding = (getCharacterEncoding() != null) ? getCharacterEncoding() : "UTF-8";
			return new BufferedReader(
					new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(encoding)));
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
