package org.hcpgate.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.hcpgate.articles.Article;
import org.hcpgate.readers.Reader;
import org.hcpgate.support.CountedTransactions;
import org.hcpgate.support.CountedTransactions.Counts;
import org.hcpgate.support.JourneyDriver;
import org.hcpgate.support.PostgresIntegrationTest;
import org.hcpgate.support.Readers;
import org.hcpgate.verification.HcpVerificationService;
import org.hcpgate.verification.ZoneAccessService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A page or a poll of the site is one database transaction, and one that changes nothing
 * but reading writes nothing: not the session's last access either (before: a let-in
 * reader's article page opened 9 transactions and wrote the session's row every time,
 * measured by the benchmark suite).
 */
class ReadRequestTransactionsPostgresTest extends PostgresIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JourneyDriver journeys;

	@Autowired
	Readers readers;

	@Autowired
	HcpVerificationService verifications;

	@Autowired
	ZoneAccessService zoneAccess;

	String zone;

	Article gated;

	Reader reader;

	@BeforeEach
	void letInReaderOfAGatedArticle() {
		this.zone = this.journeys.newZone();
		String marker = "BODY" + UUID.randomUUID().toString().replace("-", "");
		this.gated = this.journeys.newArticle(this.zone, true, "teaser", "<p>" + marker + "</p>");
		this.reader = this.readers.newReader();
		this.verifications.markVerified(this.reader.getReaderId());
		this.zoneAccess.grant(this.reader.getReaderId(), this.zone, 1);
	}

	@Test
	void aLetInReadersGatedArticleIsOneTransactionThatWritesNothing() throws Exception {
		Cookie session = openSession();

		Counts page = count(get("/articles/" + this.gated.getId()).cookie(session).with(user(this.reader)));

		assertThat(page.transactions()).as("transactions of the page").isEqualTo(1);
		assertThat(page.rowsWritten()).as("rows the page wrote").isZero();
	}

	@Test
	void theJourneysStatusPollIsOneTransactionThatWritesNothing() throws Exception {
		Cookie session = openSession();

		Counts poll = count(get("/journey/" + this.zone + "/status").cookie(session).with(user(this.reader)));

		assertThat(poll.transactions()).as("transactions of the poll").isEqualTo(1);
		assertThat(poll.rowsWritten()).as("rows the poll wrote").isZero();
	}

	@Test
	void theHomePageOfAnAnonymousVisitorIsOneTransaction() throws Exception {
		Counts home = count(get("/"));

		assertThat(home.transactions()).isEqualTo(1);
		assertThat(home.rowsWritten()).isZero();
	}

	/**
	 * The session a browser would have by now: made by a first page (its comment form's
	 * CSRF token is kept in the session), its cookie sent again with a second (which
	 * remembers the reader's language in it).
	 */
	private Cookie openSession() throws Exception {
		MvcResult first = this.mvc.perform(get("/articles/" + this.gated.getId()).with(user(this.reader)))
			.andExpect(status().isOk())
			.andReturn();
		Cookie session = first.getResponse().getCookie("SESSION");
		assertThat(session).as("the session's cookie").isNotNull();
		this.mvc.perform(get("/articles/" + this.gated.getId()).cookie(session).with(user(this.reader)))
			.andExpect(status().isOk());
		return session;
	}

	private Counts count(MockHttpServletRequestBuilder request) throws Exception {
		return CountedTransactions.during(() -> this.mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyString()))));
	}

}
