package org.hcpgate.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.hcpgate.readers.Reader;
import org.hcpgate.readers.ReaderAccountRepository;
import org.hcpgate.support.BrowserSession;
import org.hcpgate.support.PostgresIntegrationTest;
import org.hcpgate.support.Readers;
import org.hcpgate.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Registration, sign-in back to the page asked for, sign-out, the language switch, and
 * the friendly error pages, on the running application.
 */
class SiteAccountsPostgresTest extends PostgresIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Readers readers;

	@Autowired
	ReaderAccountRepository accounts;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RegistrationService registrations;

	@Test
	void registrationExplainsThePasswordPolicyAndKeepsTheInput() throws Exception {
		String name = "reg" + UUID.randomUUID().toString().substring(0, 8);
		register(name, name + "@example.org", "short").andExpect(status().isOk())
			.andExpect(content().string(containsString("密码至少 8 位。")))
			.andExpect(content().string(containsString("value=\"" + name + "\"")))
			.andExpect(content().string(containsString("aria-describedby=\"password-error password-hint\"")));
		register(name, name + "@example.org", name.toUpperCase()).andExpect(status().isOk())
			.andExpect(content().string(containsString("密码不能与用户名相同。")));
		register(name, name + "@example.org", "1234567890").andExpect(status().isOk())
			.andExpect(content().string(containsString("密码不能全部是数字。")));
		register(name, name + "@example.org", "1234567890", "en")
			.andExpect(content().string(containsString("The password must not be only digits.")));
		register(name, "not-an-email", "a-good-password").andExpect(status().isOk())
			.andExpect(content().string(containsString("请输入有效的电子邮箱。")));
		assertThat(this.accounts.existsByUsername(name)).isFalse();

		// a well-formed registration: check your e-mail; the link creates the account
		register(name, name + "@example.org", "a-good-password").andExpect(redirectedUrl("/register/check-email"));
		assertThat(this.accounts.existsByUsername(name)).isFalse();
		String link = TestMail.lastLinkTo(name + "@example.org");
		assertThat(link).startsWith("http://localhost:8080/register/confirm?token=");
		String path = link.substring("http://localhost:8080".length());
		// opening the link (a mail scanner does) creates nothing; its button does
		this.mvc.perform(get(path)).andExpect(status().isOk()).andExpect(content().string(containsString("确认并创建账号")));
		assertThat(this.accounts.existsByUsername(name)).isFalse();
		String token = path.substring(path.indexOf('=') + 1);
		this.mvc.perform(post("/register/confirm").param("token", token).with(csrf()))
			.andExpect(redirectedUrl("/login"))
			.andExpect(flash().attribute("message", "register.confirmed"));
		assertThat(this.accounts.existsByUsername(name)).isTrue();
		this.mvc.perform(formLogin("/login").user(name).password("a-good-password")).andExpect(redirectedUrl("/"));
		// a link works once
		this.mvc.perform(post("/register/confirm").param("token", token).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("此链接已失效")));
		this.mvc.perform(post("/register/confirm").param("token", "forged").with(csrf()))
			.andExpect(content().string(containsString("此链接已失效")));

		// a link past its 24 hours creates nothing, and expired registrations are
		// forgotten
		String late = "late" + UUID.randomUUID().toString().substring(0, 8);
		register(late, late + "@example.org", "a-good-password").andExpect(redirectedUrl("/register/check-email"));
		String lateLink = TestMail.lastLinkTo(late + "@example.org");
		this.jdbc.update("update pending_registration set expires_at = ? where username = ?",
				java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)), late);
		this.mvc
			.perform(post("/register/confirm").param("token", lateLink.substring(lateLink.indexOf('=') + 1))
				.with(csrf()))
			.andExpect(content().string(containsString("此链接已失效")));
		assertThat(this.accounts.existsByUsername(late)).isFalse();
		register(late, late + "@example.org", "a-good-password").andExpect(redirectedUrl("/register/check-email"));
		this.jdbc.update("update pending_registration set expires_at = ? where username = ?",
				java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)), late);
		assertThat(this.registrations.forgetExpired()).isPositive();
		assertThat(this.jdbc.queryForObject("select count(*) from pending_registration where username = ?", Long.class,
				late))
			.isZero();
	}

	/**
	 * Issue 10: /register tells no one whether a name or an address is taken. The answer
	 * is the same page for a free, a taken name and a taken address; only the address's
	 * owner learns which, by e-mail.
	 */
	@Test
	void registrationDoesNotRevealWhetherANameOrAnAddressIsTaken() throws Exception {
		Reader existing = this.readers.newReader();
		String fresh = "reg" + UUID.randomUUID().toString().substring(0, 8);
		String existingEmail = existing.getUsername() + "@example.org";
		MvcResult free = register(fresh, fresh + "@example.org", "a-good-password").andReturn();
		MvcResult nameTaken = register(existing.getUsername(), "other-" + fresh + "@example.org", "a-good-password")
			.andReturn();
		MvcResult emailTaken = register("x" + fresh, existingEmail, "a-good-password").andReturn();
		for (MvcResult answer : List.of(free, nameTaken, emailTaken)) {
			assertThat(answer.getResponse().getStatus()).isEqualTo(302);
			assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/register/check-email");
		}
		assertThat(this.mvc.perform(get("/register/check-email").flashAttr("email", existingEmail))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("请查收邮件").doesNotContain("已注册").doesNotContain("已被使用");
		assertThat(TestMail.lastLinkTo("other-" + fresh + "@example.org")).endsWith("/register");
		assertThat(TestMail.to("other-" + fresh + "@example.org")).extracting(TestMail.Mail::text)
			.singleElement()
			.asString()
			.contains("已被使用");
		assertThat(TestMail.lastLinkTo(existingEmail)).endsWith("/login");
		assertThat(TestMail.to(existingEmail)).extracting(TestMail.Mail::text)
			.anySatisfy(text -> assertThat(text).contains("用户名为 " + existing.getUsername()));
		assertThat(this.accounts.existsByUsername("x" + fresh)).isFalse();
	}

	@Test
	void signInReturnsToTheJourneyAskedFor() throws Exception {
		Reader reader = this.readers.newReader();
		BrowserSession session = new BrowserSession();
		this.mvc.perform(get("/journey/sepsis-immunotherapy?article=1").with(session))
			.andDo(session)
			.andExpect(redirectedUrlPattern("**/login"));
		this.mvc
			.perform(post("/login").param("username", reader.getUsername())
				.param("password", "secret-password")
				.with(session)
				.with(csrf()))
			.andDo(session)
			.andExpect(redirectedUrlPattern("**/journey/sepsis-immunotherapy?article=1*"));
	}

	/**
	 * Issue 12: a waiting page's status poll whose session is gone (signed out, expired,
	 * another node's) gets a JSON 401 that the page can read, not the sign-in page as
	 * HTML; a page asked for by a browser still goes to the sign-in page.
	 */
	@Test
	void aStatusPollWithoutASessionGetsAJson401() throws Exception {
		this.mvc.perform(get("/journey/sepsis-immunotherapy/status").header("Accept", "application/json"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith("application/json"))
			.andExpect(content().json("{\"error\":\"signed-out\",\"signIn\":\"/login\"}"));
		this.mvc.perform(get("/journey/sepsis-immunotherapy").header("Accept", "text/html,application/json;q=0.9"))
			.andExpect(redirectedUrlPattern("**/login"));
		this.mvc.perform(get("/journey/sepsis-immunotherapy/status").header("Accept", "application/json"))
			.andExpect(header().doesNotExist("Location"));
	}

	@Test
	void signInReturnsToTheArticleItWasAskedFrom() throws Exception {
		Reader reader = this.readers.newReader();
		this.mvc.perform(get("/articles/1"))
			.andExpect(content().string(containsString("href=\"/account/sign-in?next=/articles/1\"")));
		BrowserSession session = new BrowserSession();
		this.mvc.perform(get("/account/sign-in?next=/articles/1").with(session))
			.andDo(session)
			.andExpect(redirectedUrlPattern("**/login"));
		MvcResult signedIn = this.mvc
			.perform(post("/login").param("username", reader.getUsername())
				.param("password", "secret-password")
				.with(session)
				.with(csrf()))
			.andDo(session)
			.andExpect(redirectedUrlPattern("**/account/sign-in?next=/articles/1*"))
			.andReturn();
		this.mvc.perform(get(signedIn.getResponse().getRedirectedUrl()).with(session))
			.andDo(session)
			.andExpect(redirectedUrl("/articles/1"));
		// never to another site
		this.mvc.perform(get("/account/sign-in").param("next", "//evil.example/x").with(user(reader)))
			.andExpect(redirectedUrl("/"));
		this.mvc.perform(get("/account/sign-in").param("next", "https://evil.example/").with(user(reader)))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void wrongPasswordsSayWhyAndSignOutEndsTheSession() throws Exception {
		Reader reader = this.readers.newReader();
		this.mvc.perform(post("/login").param("username", reader.getUsername()).param("password", "wrong").with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(get("/login").param("error", "")).andExpect(content().string(containsString("用户名或密码错误。")));

		BrowserSession session = new BrowserSession();
		this.mvc
			.perform(post("/login").param("username", reader.getUsername())
				.param("password", "secret-password")
				.with(session)
				.with(csrf()))
			.andDo(session)
			.andExpect(redirectedUrl("/"));
		this.mvc.perform(get("/account").with(session))
			.andDo(session)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"sign-out\"")));
		this.mvc.perform(post("/logout").with(session).with(csrf())).andDo(session).andExpect(redirectedUrl("/"));
		assertThat(session.isStarted()).as("the session ended with the sign-out").isFalse();
		this.mvc.perform(get("/account")).andExpect(redirectedUrlPattern("**/login"));
	}

	@Test
	void theLanguageSwitchIsOnEveryPageAndRemembered() throws Exception {
		this.mvc.perform(get("/"))
			.andExpect(content().string(containsString("最新文章")))
			.andExpect(content().string(containsString("href=\"/?lang=en\"")))
			.andExpect(content().string(containsString("<html lang=\"zh-CN\"")));
		MvcResult english = this.mvc.perform(get("/articles/1").param("lang", "en"))
			.andExpect(content().string(containsString("Verify and read")))
			.andExpect(content().string(containsString("href=\"/articles/1?lang=zh_CN\"")))
			.andExpect(cookie().value("hcp-gate-locale", "en"))
			.andReturn();
		this.mvc.perform(get("/register").cookie(english.getResponse().getCookie("hcp-gate-locale")))
			.andExpect(content().string(containsString("At least 8 characters, not your username, not only digits.")))
			.andExpect(content().string(containsString("<html lang=\"en\"")));
		// a page that answered a POST switches back to the page the form was on
		this.mvc.perform(
				post("/register").param("username", "x").header("Referer", "http://localhost/register").with(csrf()))
			.andExpect(content().string(containsString("href=\"/register?lang=en\"")));
		for (String page : new String[] { "/", "/login", "/register", "/search", "/articles/1", "/articles/2" }) {
			this.mvc.perform(get(page)).andExpect(content().string(containsString("id=\"switch-locale\"")));
		}
	}

	@Test
	void errorPagesAreFriendlyTranslatedAndTellNothingOfTheServer() {
		ResponseEntity<String> notFound = html("/articles/987654321", "zh-CN");
		assertThat(notFound.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(notFound.getBody()).contains("页面不存在").contains("返回首页").contains("id=\"switch-locale\"");

		ResponseEntity<String> english = html("/articles/987654321", "en");
		assertThat(english.getBody()).contains("Page not found");

		ResponseEntity<String> failed = html("/articles/test-support/boom", "zh-CN");
		assertThat(failed.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(failed.getBody()).contains("出错了")
			.contains("服务器暂时无法完成您的请求")
			.doesNotContain("BOOM-SECRET")
			.doesNotContain("IllegalStateException")
			.doesNotContain("at org.");

		// a form without its CSRF token
		HttpHeaders headers = new HttpHeaders();
		headers.set("Accept", "text/html");
		ResponseEntity<String> forbidden = this.rest.exchange("/register", HttpMethod.POST, new HttpEntity<>(headers),
				String.class);
		assertThat(forbidden.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(forbidden.getBody()).contains("无权访问");
	}

	private ResponseEntity<String> html(String path, String locale) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("Accept", "text/html");
		headers.set("Cookie", "hcp-gate-locale=" + locale.replace('-', '_'));
		return this.rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
	}

	private org.springframework.test.web.servlet.ResultActions register(String username, String email, String password)
			throws Exception {
		return register(username, email, password, null);
	}

	private org.springframework.test.web.servlet.ResultActions register(String username, String email, String password,
			String lang) throws Exception {
		var request = post("/register").param("username", username)
			.param("displayName", "测试 " + username)
			.param("email", email)
			.param("password", password)
			.with(csrf());
		if (lang != null) {
			request.param("lang", lang);
		}
		return this.mvc.perform(request);
	}

}
