package org.hcpgate.articles;

import org.hcpgate.accounts.Reader;
import org.hcpgate.verification.ZoneAccessService;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

@Controller
class ArticleController {

	static final String VIEW_LIST = "articles/list";

	static final String VIEW_ARTICLE = "articles/article";

	static final String VIEW_TEASER = "articles/teaser";

	private final ArticleRepository articles;

	private final ZoneAccessService zoneAccess;

	ArticleController(ArticleRepository articles, ZoneAccessService zoneAccess) {
		this.articles = articles;
		this.zoneAccess = zoneAccess;
	}

	@GetMapping("/")
	String list(Model model) {
		model.addAttribute("articles", this.articles.findAllByOrderByPublishedOnDescIdDesc());
		return VIEW_LIST;
	}

	/**
	 * The gate: one indexed read of the zone-access read model. A reader who may not read yet
	 * sees the teaser with the way in; the gated body never reaches that page.
	 */
	@GetMapping("/articles/{id}")
	String show(@PathVariable long id, @AuthenticationPrincipal Reader reader, Model model) {
		Article article = this.articles.findById(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("article", article);
		if (!article.isGated()
				|| (reader != null && this.zoneAccess.isGranted(reader.getReaderId(), article.getZoneKey()))) {
			return VIEW_ARTICLE;
		}
		return VIEW_TEASER;
	}

}
