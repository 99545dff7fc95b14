package org.hcpgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The request guard on its own: which paths it watches and how it finds an expression.
 */
class ExpressionGuardFilterTest {

	final ExpressionGuardFilter guard = new ExpressionGuardFilter(
			new StaffPaths("/camunda", "/engine-rest", "/actuator"));

	@Test
	void watchesTaskQueriesAndFiltersOfTheRestApiAndTheWebapps() {
		assertThat(this.guard.guarded.matcher("/engine-rest/task").matches()).isTrue();
		assertThat(this.guard.guarded.matcher("/engine-rest/task/count").matches()).isTrue();
		assertThat(this.guard.guarded.matcher("/engine-rest/engine/default/task").matches()).isTrue();
		assertThat(this.guard.guarded.matcher("/engine-rest/filter/create").matches()).isTrue();
		assertThat(this.guard.guarded.matcher("/engine-rest/filter/abc/list").matches()).isTrue();
		assertThat(this.guard.guarded.matcher("/camunda/api/engine/engine/default/task").matches()).isTrue();
		assertThat(this.guard.guarded.matcher("/camunda/api/engine/engine/default/filter/x/count").matches()).isTrue();
		assertThat(this.guard.guarded.matcher("/engine-rest/TASK").matches()).isTrue();
		// completing a task is no query: a note may mention "${" without harm
		assertThat(this.guard.guarded.matcher("/engine-rest/task/abc/complete").matches()).isFalse();
		assertThat(this.guard.guarded.matcher("/engine-rest/deployment/create").matches()).isFalse();
	}

	@Test
	void followsTheConfiguredPaths() {
		ExpressionGuardFilter moved = new ExpressionGuardFilter(new StaffPaths("ops/", "api/engine/", "/manage"));
		assertThat(moved.guarded.matcher("/api/engine/task").matches()).isTrue();
		assertThat(moved.guarded.matcher("/ops/api/engine/engine/default/filter/x/list").matches()).isTrue();
		assertThat(moved.guarded.matcher("/engine-rest/task").matches()).isFalse();
	}

	@Test
	void refusesAnExpressionInANestedOrQueryEvenWhenEscaped() throws Exception {
		assertThat(run("{\"orQueries\":[{\"assigneeExpression\":\"\\u0024{x}\"}]}").getStatus()).isEqualTo(400);
		assertThat(run("{\"sorting\":[{\"#{x}\":\"asc\"}]}").getStatus()).isEqualTo(400);
		assertThat(run("{\"orQueries\":[{\"assigneeLike\":\"%abc%\"}],\"active\":true}").getStatus()).isEqualTo(200);
		assertThat(run("{not json").getStatus()).isEqualTo(400);
	}

	@Test
	void passesTheBodyOnUnchanged() throws Exception {
		MockHttpServletRequest request = post("{\"candidateGroup\":\"hcp-reviewers\"}");
		MockFilterChain chain = new MockFilterChain();
		this.guard.doFilter(request, new MockHttpServletResponse(), chain);
		assertThat(new String(chain.getRequest().getInputStream().readAllBytes(), StandardCharsets.UTF_8))
			.isEqualTo("{\"candidateGroup\":\"hcp-reviewers\"}");
	}

	@Test
	void refusesAnExpressionInAQueryParameter() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task");
		request.setServletPath("/engine-rest");
		request.setPathInfo("/task");
		request.addParameter("candidateGroupExpression", "${x}");
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.guard.doFilter(request, response, new MockFilterChain());
		assertThat(response.getStatus()).isEqualTo(400);
	}

	private MockHttpServletResponse run(String body) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.guard.doFilter(post(body), response, new MockFilterChain());
		return response;
	}

	private static MockHttpServletRequest post(String body) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/engine-rest/task");
		request.setServletPath("/engine-rest");
		request.setPathInfo("/task");
		request.setContentType("application/json");
		request.setContent(body.getBytes(StandardCharsets.UTF_8));
		return request;
	}

}
