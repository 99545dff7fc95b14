package org.hcpgate.content;

import java.time.Instant;

import org.hcpgate.articles.ArticleService;
import org.hcpgate.zones.ZoneService;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The editors' desk ({@code /staff/content}): every zone and article, hidden and
 * unpublished ones too; and the audit of content changes for leads.
 */
@Controller
class ContentController {

	static final String VIEW_INDEX = "content/index";

	static final String VIEW_CHANGES = "content/changes";

	private final ZoneService zones;

	private final ArticleService articles;

	private final ContentAudit audit;

	ContentController(ZoneService zones, ArticleService articles, ContentAudit audit) {
		this.zones = zones;
		this.articles = articles;
		this.audit = audit;
	}

	@GetMapping("/staff/content")
	String index(Model model) {
		model.addAttribute("zones", this.zones.all());
		model.addAttribute("articles", this.articles.all());
		model.addAttribute("now", Instant.now());
		return VIEW_INDEX;
	}

	@GetMapping("/staff/content/changes")
	String changes(@RequestParam(name = "page", defaultValue = "0") int page, Model model) {
		Page<ContentChange> changes = this.audit.page(page);
		model.addAttribute("changes", changes);
		return VIEW_CHANGES;
	}

}
