package org.hcpgate.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.TaskService;
import org.hcpgate.journey.JourneyEngine;
import org.hcpgate.readers.Reader;
import org.hcpgate.support.JourneyDriver;
import org.hcpgate.support.PostgresIntegrationTest;
import org.hcpgate.support.Readers;
import org.hcpgate.verification.ZoneAccessService;
import org.hcpgate.zones.ZoneRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Home, articles, search, feed and comments on the running application: a gated body
 * never reaches a reader without access, in any of the site's outputs.
 */
class ArticlesPostgresTest extends PostgresIntegrationTest {

	@Autowired
	JourneyDriver journeys;

	@Autowired
	MockMvc mvc;

	@Autowired
	Readers readers;

	@Autowired
	ZoneRepository zones;

	@Autowired
	ArticleRepository articles;

	@Autowired
	CommentRepository comments;

	@Autowired
	CommentService commentService;

	@Autowired
	JourneyEngine verification;

	@Autowired
	TaskService taskService;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ZoneAccessService zoneAccess;

	@Autowired
	org.hcpgate.verification.HcpVerificationService verifications;

	String zone;

	String marker;

	/**
	 * In the body, never typed anywhere: must not appear on any page of a reader without
	 * access.
	 */
	String hidden;

	String teaser;

	Article gated;

	@BeforeEach
	void gatedArticleWithAMarker() {
		this.zone = this.journeys.newZone();
		String id = UUID.randomUUID().toString().replace("-", "");
		this.marker = "GATEDBODY" + id;
		this.hidden = "HIDDENBODY" + id;
		this.teaser = "teaser " + id.substring(0, 8) + " 开头几行";
		this.gated = this.journeys.newArticle(this.zone, true, this.teaser,
				"<p>" + this.marker + " 正文仅供认证读者 " + this.hidden + "</p><p>" + this.marker + "-second</p>");
	}

	@Test
	void theGatedBodyLeaksNowhereToAReaderWithoutAccess() throws Exception {
		Reader outsider = this.readers.newReader();
		for (var asWhom : List.of(java.util.Optional.<Reader>empty(), java.util.Optional.of(outsider))) {
			List<String> pages = new ArrayList<>();
			for (String path : List.of("/", "/?zone=" + this.zone, "/articles/" + this.gated.getId(),
					"/search?q=" + this.marker, "/search?q=" + this.teaser.substring(0, 14), "/feed.atom")) {
				var request = get(path);
				if (asWhom.isPresent()) {
					request = request.with(user(asWhom.get()));
				}
				MvcResult result = this.mvc.perform(request).andExpect(status().isOk()).andReturn();
				pages.add(result.getResponse().getContentAsString());
			}
			assertThat(pages).allSatisfy(page -> assertThat(page).doesNotContain(this.hidden));
			// the search page repeats what was searched for, and nothing more
			assertThat(pages.get(3)
				.replace("value=\"" + this.marker + "\"", "")
				.replace("“" + this.marker + "”", "")
				.replace("q=" + this.marker, "")
				.replace("q%3D" + this.marker, "")).doesNotContain(this.marker);
			assertThat(List.of(pages.get(0), pages.get(1), pages.get(2), pages.get(4), pages.get(5)))
				.allSatisfy(page -> assertThat(page).doesNotContain(this.marker));
			// the teaser is there: on the list, the teaser page, its metadata, search and
			// the feed
			assertThat(pages.get(0)).contains(this.teaser);
			assertThat(pages.get(2)).contains("<meta name=\"description\" content=\"" + this.teaser + "\">")
				.contains("<meta property=\"og:description\" content=\"" + this.teaser + "\">")
				.contains("id=\"enter-zone\"");
			assertThat(pages.get(3)).as("a gated body cannot be searched for").doesNotContain(this.gated.getTitle());
			assertThat(pages.get(4)).contains(this.gated.getTitle());
			assertThat(pages.get(5)).contains("<summary>" + this.teaser + "</summary>");
			var thread = get("/articles/" + this.gated.getId() + "/comments?page=0");
			this.mvc.perform(asWhom.isPresent() ? thread.with(user(asWhom.get())) : thread)
				.andExpect(status().isNotFound());
		}

		// let in: the same reader reads the body, and the description is still the teaser
		letIn(outsider);
		this.mvc.perform(get("/articles/" + this.gated.getId()).with(user(outsider)))
			.andExpect(content().string(containsString(this.marker)))
			.andExpect(content().string(containsString("<meta name=\"description\" content=\"" + this.teaser + "\">")))
			.andExpect(content().string(not(containsString("id=\"enter-zone\""))));
	}

	@Test
	void homeListsZonesAndArticlesNewestFirstWithALockOnGatedOnes() throws Exception {
		Article open = this.journeys.newArticle(this.zone, false, "open teaser", "<p>open body</p>");
		String home = this.mvc.perform(get("/")).andReturn().getResponse().getContentAsString();
		assertThat(home).contains("/?zone=" + this.zone).contains("专区");
		assertThat(home.indexOf("href=\"/?zone=" + this.zone + "\"")).as("zones in the order of their newest article")
			.isLessThan(home.indexOf("href=\"/?zone=sepsis-immunotherapy\""));
		List<Article> all = this.articles.findAllByOrderByPublishedOnDescIdDesc();
		List<Integer> positions = all.stream().map(a -> home.indexOf("/articles/" + a.getId() + "\"")).toList();
		assertThat(positions).doesNotContain(-1).isSorted();
		int gatedItem = home.indexOf("/articles/" + this.gated.getId() + "\"");
		assertThat(home.substring(gatedItem, gatedItem + 200)).contains("class=\"lock\"");
		int openItem = home.indexOf("/articles/" + open.getId() + "\"");
		assertThat(home.substring(openItem, openItem + 200)).doesNotContain("class=\"lock\"");

		// an open article reads freely, signed in or not; its body is searchable
		this.mvc.perform(get("/articles/" + open.getId()))
			.andExpect(content().string(containsString("open body")))
			.andExpect(content().string(containsString("0 评论")));
		this.mvc.perform(get("/search").param("q", "open body"))
			.andExpect(content().string(containsString("/articles/" + open.getId())));
		// the demo's own open article
		this.mvc.perform(get("/articles/2"))
			.andExpect(content().string(containsString("qSOFA")))
			.andExpect(content().string(containsString("【演示内容】")));
	}

	@Test
	void unknownZonesAndArticlesAreNotFound() throws Exception {
		this.mvc.perform(get("/articles/987654321")).andExpect(status().isNotFound());
		this.mvc.perform(get("/?zone=no-such-zone")).andExpect(status().isNotFound());
		this.mvc.perform(get("/search").param("q", "%_\\")).andExpect(status().isOk());
	}

	@Test
	void theCommentThreadPagesTwentyAtATimeNewestFirst() throws Exception {
		Reader reader = this.readers.newReader();
		letIn(reader);
		Instant start = Instant.parse("2024-01-01T00:00:00Z");
		for (int i = 1; i <= 45; i++) {
			this.comments.save(new Comment(this.gated.getId(), "someone-else", "读者" + i, "评论" + i + "号",
					start.plusSeconds(60L * i)));
		}
		String page = this.mvc.perform(get("/articles/" + this.gated.getId()).with(user(reader)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("45 评论").contains("查看更多");
		assertThat(texts(page)).hasSize(20).startsWith("评论45号", "评论44号").endsWith("评论26号");
		assertThat(page).contains("data-fragment=\"/articles/" + this.gated.getId() + "/comments?page=1\"")
			.contains("href=\"/articles/" + this.gated.getId() + "?comments=1#comments\"")
			.contains("src=\"/js/comments.js\"")
			.doesNotContain("comment-delete");

		String second = fragment(reader, 1);
		assertThat(texts(second)).hasSize(20).startsWith("评论25号").endsWith("评论6号");
		assertThat(second).contains("comments?page=2").doesNotContain("<html");
		String third = fragment(reader, 2);
		assertThat(texts(third)).containsExactly("评论5号", "评论4号", "评论3号", "评论2号", "评论1号");
		assertThat(third).doesNotContain("more-comments");
		// without JavaScript, the link opens that page of the thread
		assertThat(texts(this.mvc.perform(get("/articles/" + this.gated.getId() + "?comments=2").with(user(reader)))
			.andReturn()
			.getResponse()
			.getContentAsString())).hasSize(5);
	}

	@Test
	void onlyReadersWhoAreLetInMayCommentAndTextIsEscapedAndBounded() throws Exception {
		String url = "/articles/" + this.gated.getId() + "/comments";
		this.mvc.perform(post(url).param("text", "anonymous").with(csrf())).andExpect(redirectedUrlPattern("**/login"));
		Reader outsider = this.readers.newReader();
		this.mvc.perform(post(url).param("text", "not let in").with(user(outsider)).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(this.comments.countByArticleId(this.gated.getId())).isZero();

		Reader reader = this.readers.newReader();
		letIn(reader);
		this.mvc.perform(get("/articles/" + this.gated.getId()).with(user(reader)))
			.andExpect(content().string(containsString("id=\"comment-text\"")));
		this.mvc.perform(post(url).param("text", "<script>alert('x')</script> 很好").with(user(reader)).with(csrf()))
			.andExpect(redirectedUrl("/articles/" + this.gated.getId() + "#comments"));
		this.mvc.perform(get("/articles/" + this.gated.getId()).with(user(reader)))
			.andExpect(content().string(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; 很好")))
			.andExpect(content().string(not(containsString("<script>alert"))))
			.andExpect(content().string(containsString("1 评论")))
			.andExpect(content().string(containsString("comment-delete")));

		String tooLong = "长".repeat(Comment.MAX_LENGTH + 1);
		this.mvc.perform(post(url).param("text", tooLong).with(user(reader)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("评论过长,最多 1000 字。")))
			.andExpect(content().string(containsString(">" + tooLong + "</textarea>")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")))
			.andExpect(content().string(containsString(this.marker)));
		this.mvc.perform(post(url).param("text", "   ").with(user(reader)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请输入评论内容。")));
		assertThat(this.comments.countByArticleId(this.gated.getId())).isEqualTo(1);
		// in English too
		this.mvc.perform(post(url).param("text", tooLong).param("lang", "en").with(user(reader)).with(csrf()))
			.andExpect(content().string(containsString("This comment is too long: at most 1000 characters.")));
	}

	@Test
	void aReaderDeletesTheirOwnCommentsAndNobodyElses() throws Exception {
		Reader author = this.readers.newReader();
		Reader other = this.readers.newReader();
		letIn(author);
		letIn(other);
		Comment mine = this.comments
			.save(new Comment(this.gated.getId(), author.getReaderId(), "作者", "我的评论", Instant.now()));
		String url = "/articles/" + this.gated.getId() + "/comments/" + mine.getId() + "/delete";

		this.mvc.perform(get("/articles/" + this.gated.getId()).with(user(other)))
			.andExpect(content().string(containsString("我的评论")))
			.andExpect(content().string(not(containsString("comment-delete"))));
		this.mvc.perform(post(url).with(user(other)).with(csrf())).andExpect(status().isNotFound());
		this.mvc.perform(post(url).with(csrf())).andExpect(redirectedUrlPattern("**/login"));
		assertThat(this.comments.findById(mine.getId())).isPresent();

		this.mvc.perform(post(url).with(user(author)).with(csrf()))
			.andExpect(redirectedUrl("/articles/" + this.gated.getId() + "#comments"));
		assertThat(this.comments.findById(mine.getId())).isEmpty();

		// an account deleted takes its comments with it
		this.comments.save(new Comment(this.gated.getId(), author.getReaderId(), "作者", "再来一条", Instant.now()));
		assertThat(this.commentService.eraseReader(author.getReaderId())).isEqualTo(1);
	}

	@Test
	void theFeedIsAtomWithTeasersOnly() throws Exception {
		this.mvc.perform(get("/feed.atom"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("application/atom+xml"))
			.andExpect(content().string(containsString("<feed xmlns=\"http://www.w3.org/2005/Atom\">")))
			.andExpect(content().string(containsString("http://localhost:8080/articles/" + this.gated.getId())))
			.andExpect(content().string(not(containsString("会议现场"))));
	}

	/** A verified reader whom the zone let in. */
	private void letIn(Reader reader) {
		this.verifications.markVerified(reader.getReaderId());
		this.zoneAccess.grant(reader.getReaderId(), this.zone, 1);
	}

	private String fragment(Reader reader, int page) throws Exception {
		return this.mvc
			.perform(get("/articles/" + this.gated.getId() + "/comments").param("page", "" + page).with(user(reader)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static List<String> texts(String html) {
		Matcher m = Pattern.compile("<p class=\"comment-text\">([^<]*)</p>").matcher(html);
		List<String> texts = new ArrayList<>();
		while (m.find()) {
			texts.add(m.group(1));
		}
		return texts;
	}

}
