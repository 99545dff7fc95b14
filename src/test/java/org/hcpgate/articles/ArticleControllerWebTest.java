package org.hcpgate.articles;

import static org.hcpgate.support.TestReaders.signedIn;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.LocalDate;
import java.util.Optional;

import org.hamcrest.Matchers;
import org.hcpgate.professions.ProfessionCatalogue;
import org.hcpgate.readers.Reader;
import org.hcpgate.security.StaffMembers;
import org.hcpgate.support.TestReaders;
import org.hcpgate.support.WebSliceTest;
import org.hcpgate.zones.Zone;
import org.hcpgate.zones.ZoneService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.SliceImpl;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The article page's rhythm: the teaser's button is a POST, a bad comment comes back
 * kept.
 */
@WebSliceTest(ArticleController.class)
class ArticleControllerWebTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ArticleRepository articles;

	@MockitoBean
	ArticleGate gate;

	@MockitoBean
	CommentService comments;

	@MockitoBean
	ZoneService zones;

	@MockitoBean
	ProfessionCatalogue professions;

	@MockitoBean
	ArticlePictures pictures;

	@MockitoBean
	StaffMembers staffMembers;

	private final Reader reader = TestReaders.reader(42);

	@BeforeEach
	void aGatedArticle() {
		Article article = new Article("cardiology", true, "心衰新进展", "作者", "指南", LocalDate.now(), "摘要", "<p>全文</p>");
		ReflectionTestUtils.setField(article, "id", 7L);
		given(this.articles.findById(7L)).willReturn(Optional.of(article));
		given(this.zones.get("cardiology")).willReturn(new Zone("cardiology", "心血管专区", "协议", "正文", 1));
		given(this.comments.page(anyLong(), org.mockito.ArgumentMatchers.anyInt()))
			.willReturn(new SliceImpl<>(java.util.List.of()));
	}

	@Test
	void aReaderNotLetInSeesTheTeaserWhoseButtonPostsTheJourneyStart() throws Exception {
		this.mvc.perform(get("/articles/7").with(signedIn(this.reader)))
			.andExpect(view().name(ArticleController.VIEW_TEASER))
			.andExpect(content().string(Matchers.containsString("method=\"post\"")))
			.andExpect(content().string(Matchers.containsString("action=\"/journey/cardiology/start?article=7\"")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("<p>全文</p>"))));
	}

	/**
	 * A crafted language is zh-CN, never a locale the site has no texts for (issue 10).
	 */
	@Test
	void onlyTheSitesTwoLanguagesAreEverTaken() throws Exception {
		this.mvc.perform(get("/articles/7").param("lang", "en").with(signedIn(this.reader)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Language", "en"))
			.andExpect(cookie().value("hcp-gate-locale", "en"));
		for (String crafted : new String[] { "de", "en_US_" + "x".repeat(200), "zh_CN_#Hans", "ja-JP-u-ca-japanese" }) {
			this.mvc.perform(get("/articles/7").param("lang", crafted).with(signedIn(this.reader)))
				.andExpect(status().isOk())
				.andExpect(header().string("Content-Language", crafted.startsWith("en") ? "en" : "zh-CN"));
		}
		this.mvc
			.perform(get("/articles/7").cookie(new jakarta.servlet.http.Cookie("hcp-gate-locale", "fr-FR"))
				.with(signedIn(this.reader)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Language", "zh-CN"));
	}

	@Test
	void anEmptyCommentComesBackToTheArticleWithAnErrorAndNothingIsPosted() throws Exception {
		given(this.gate.mayRead(any(), any())).willReturn(true);
		given(this.gate.mayComment(any(), any())).willReturn(true);
		this.mvc.perform(post("/articles/7/comments").param("text", "  ").with(signedIn(this.reader)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(view().name(ArticleController.VIEW_ARTICLE))
			.andExpect(model().attributeHasFieldErrors("commentForm", "text"));
		verify(this.comments, never()).post(anyLong(), any(), anyString());
	}

	@Test
	void aGoodCommentIsPostedAndTheReaderRedirectedToTheThread() throws Exception {
		given(this.gate.mayComment(any(), any())).willReturn(true);
		this.mvc.perform(post("/articles/7/comments").param("text", "很有帮助").with(signedIn(this.reader)).with(csrf()))
			.andExpect(redirectedUrl("/articles/7#comments"));
		verify(this.comments).post(7L, this.reader, "很有帮助");
	}

}
