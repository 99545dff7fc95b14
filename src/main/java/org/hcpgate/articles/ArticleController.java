package org.hcpgate.articles;

import java.time.Instant;
import java.util.List;

import org.hcpgate.processes.StaffGroups;
import org.hcpgate.professions.ProfessionCatalogue;
import org.hcpgate.readers.Reader;
import org.hcpgate.security.StaffMembers;
import org.hcpgate.zones.Zone;
import org.hcpgate.zones.ZoneService;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Home, articles and their comment threads. A reader who may not read a gated article
 * sees its teaser and the way in: the gated body, its comments and anything derived from
 * them never reach that page (nor its metadata, the feed or search).
 */
@Controller
class ArticleController {

	static final String VIEW_LIST = "articles/list";

	static final String VIEW_ARTICLE = "articles/article";

	static final String VIEW_TEASER = "articles/teaser";

	static final String VIEW_SEARCH = "articles/search";

	static final String FRAGMENT_COMMENTS = "articles/comments :: page";

	static final int SEARCH_LIMIT = 50;

	private final ArticleRepository articles;

	private final ArticleGate gate;

	private final CommentService comments;

	private final ZoneService zones;

	private final ProfessionCatalogue professions;

	private final ArticlePictures pictures;

	private final StaffMembers staff;

	ArticleController(ArticleRepository articles, ArticleGate gate, CommentService comments, ZoneService zones,
			ProfessionCatalogue professions, ArticlePictures pictures, StaffMembers staff) {
		this.professions = professions;
		this.pictures = pictures;
		this.staff = staff;
		this.articles = articles;
		this.gate = gate;
		this.comments = comments;
		this.zones = zones;
	}

	@GetMapping("/")
	String list(@RequestParam(name = "zone", required = false) String zoneKey, Model model) {
		List<Article> newest = this.articles.listed(Instant.now());
		List<Zone> listed = this.zones.listed();
		model.addAttribute("zones", listed);
		if (zoneKey != null && !zoneKey.isBlank()) {
			model.addAttribute("zone",
					listed.stream()
						.filter(z -> z.getKey().equals(zoneKey))
						.findFirst()
						.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
			model.addAttribute("articles", newest.stream().filter(a -> a.getZoneKey().equals(zoneKey)).toList());
		}
		else {
			model.addAttribute("articles", newest);
		}
		return VIEW_LIST;
	}

	@GetMapping("/search")
	String search(@RequestParam(name = "q", required = false) String query, Model model) {
		String q = (query == null) ? "" : query.strip();
		model.addAttribute("q", q);
		List<Article> found = q.isEmpty() ? List.of()
				: this.articles.search(likePattern(q), Instant.now(), PageRequest.of(0, SEARCH_LIMIT));
		model.addAttribute("articles", found);
		return VIEW_SEARCH;
	}

	@GetMapping("/articles/{id}")
	String show(@PathVariable long id, @RequestParam(name = "comments", defaultValue = "0") int commentPage,
			@AuthenticationPrincipal Reader reader, Model model) {
		Article article = article(id);
		if (!this.gate.mayRead(reader, article)) {
			addArticle(article, model);
			Zone zone = (Zone) model.getAttribute("zone");
			this.gate.professionNotAdmitted(reader, zone).ifPresent(profession -> {
				model.addAttribute("readerProfession", this.professions.find(profession).orElse(null));
				model.addAttribute("admittedProfessions",
						this.professions.all()
							.stream()
							.filter(p -> zone.getAdmittedProfessions().contains(p.getCode()))
							.toList());
			});
			return VIEW_TEASER;
		}
		return showArticle(article, reader, commentPage, new CommentForm(), model);
	}

	/**
	 * A picture of an article, to whoever may read the article in full (and to editors,
	 * for their preview): a gated article's pictures never reach a reader the gate keeps
	 * out.
	 */
	@GetMapping("/articles/pictures/{id}")
	ResponseEntity<byte[]> picture(@PathVariable long id, @AuthenticationPrincipal Reader reader,
			HttpServletRequest request) {
		ArticlePictures.Picture picture = this.pictures.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		boolean editor = this.staff.current(request)
			.map(member -> member.groups().contains(StaffGroups.EDITORS))
			.orElse(false);
		if (!editor && !this.gate.mayRead(reader, article(picture.articleId()))) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(picture.contentType()))
			.header(HttpHeaders.CACHE_CONTROL, "private, max-age=300")
			.header("X-Content-Type-Options", "nosniff")
			.body(this.pictures.content(id));
	}

	/**
	 * An editor's preview: the article as a let-in reader sees it, published or not, its
	 * zone hidden or not ({@code /staff/content/**} is for editors only).
	 */
	@GetMapping("/staff/content/articles/{id}/preview")
	String preview(@PathVariable long id, Model model) {
		Article article = this.articles.findById(id).orElseThrow(() -> new UnknownArticleException(id));
		model.addAttribute("article", article);
		model.addAttribute("zone", this.zones.get(article.getZoneKey()));
		model.addAttribute("metaDescription", article.getTeaser());
		model.addAttribute("metaTitle", article.getTitle());
		model.addAttribute("preview", true);
		model.addAttribute("commentForm", new CommentForm());
		model.addAttribute("commentMaxLength", Comment.MAX_LENGTH);
		model.addAttribute("mayComment", false);
		model.addAttribute("commentCount", this.comments.count(article.getId()));
		addComments(article, null, 0, model);
		return VIEW_ARTICLE;
	}

	/**
	 * The next page of the thread as an HTML fragment, for 查看更多 (static/js/comments.js).
	 */
	@GetMapping("/articles/{id}/comments")
	String commentPage(@PathVariable long id, @RequestParam(name = "page", defaultValue = "0") int page,
			@AuthenticationPrincipal Reader reader, Model model) {
		Article article = article(id);
		if (!this.gate.mayRead(reader, article)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		model.addAttribute("article", article);
		addComments(article, reader, page, model);
		return FRAGMENT_COMMENTS;
	}

	@PostMapping("/articles/{id}/comments")
	String postComment(@PathVariable long id, @Validated @ModelAttribute("commentForm") CommentForm form,
			BindingResult result, @AuthenticationPrincipal Reader reader, Model model, RedirectAttributes redirect) {
		Article article = article(id);
		if (reader == null || !this.gate.mayComment(reader, article)) {
			// anonymous: Spring Security sends them to sign in; others are refused
			throw new AccessDeniedException("not let in to article " + id);
		}
		if (result.hasErrors()) {
			return showArticle(article, reader, 0, form, model);
		}
		this.comments.post(id, reader, form.getText());
		redirect.addFlashAttribute("message", "comments.posted");
		return "redirect:/articles/" + id + "#comments";
	}

	@PostMapping("/articles/{id}/comments/{commentId}/delete")
	String deleteComment(@PathVariable long id, @PathVariable long commentId, @AuthenticationPrincipal Reader reader,
			RedirectAttributes redirect) {
		if (reader == null) {
			throw new AccessDeniedException("sign in to delete a comment");
		}
		if (!this.comments.deleteOwn(id, commentId, reader.getReaderId())) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		redirect.addFlashAttribute("message", "comments.deleted");
		return "redirect:/articles/" + id + "#comments";
	}

	/** Only after the gate let the reader read: a signed-in reader may then comment. */
	private String showArticle(Article article, Reader reader, int commentPage, CommentForm form, Model model) {
		addArticle(article, model);
		model.addAttribute("commentForm", form);
		model.addAttribute("commentMaxLength", Comment.MAX_LENGTH);
		model.addAttribute("mayComment", reader != null);
		model.addAttribute("commentCount", this.comments.count(article.getId()));
		addComments(article, reader, commentPage, model);
		return VIEW_ARTICLE;
	}

	private void addArticle(Article article, Model model) {
		Zone zone = this.zones.get(article.getZoneKey());
		if (!zone.isPublished()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		model.addAttribute("article", article);
		model.addAttribute("zone", zone);
		// page metadata: the teaser only, never the body
		model.addAttribute("metaDescription", article.getTeaser());
		model.addAttribute("metaTitle", article.getTitle());
	}

	private void addComments(Article article, Reader reader, int page, Model model) {
		Slice<Comment> slice = this.comments.page(article.getId(), page);
		model.addAttribute("comments", slice.getContent());
		model.addAttribute("nextCommentPage", slice.hasNext() ? slice.getNumber() + 1 : null);
		model.addAttribute("readerId", (reader != null) ? reader.getReaderId() : null);
	}

	/**
	 * An article readers may see: published by now, in a zone that is not hidden;
	 * anything else is not found (its page, comments and pictures alike).
	 */
	private Article article(long id) {
		return this.articles.findById(id)
			.filter(article -> article.isPublishedBy(Instant.now()))
			.filter(article -> this.zones.get(article.getZoneKey()).isPublished())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	static String likePattern(String query) {
		String escaped = query.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		return "%" + escaped + "%";
	}

}
