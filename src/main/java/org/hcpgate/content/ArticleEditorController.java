package org.hcpgate.content;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.hcpgate.articles.Article;
import org.hcpgate.articles.ArticleBody;
import org.hcpgate.articles.ArticlePicture;
import org.hcpgate.articles.ArticlePictures;
import org.hcpgate.articles.ArticleService;
import org.hcpgate.vault.UnacceptableDocumentException;
import org.hcpgate.zones.ZoneService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Editors write articles ({@code /staff/content/articles}): Markdown or HTML, sanitised
 * on save; published now, at a time, or not yet. The preview shows a gated article as a
 * let-in reader sees it ({@code articles/ArticleController}).
 */
@Controller
class ArticleEditorController {

	static final String VIEW_ARTICLE = "content/article";

	private final ArticleService articles;

	private final ZoneService zones;

	private final ContentService content;

	private final PageEditors editors;

	private final ArticlePictures pictures;

	ArticleEditorController(ArticleService articles, ZoneService zones, ContentService content, PageEditors editors,
			ArticlePictures pictures) {
		this.pictures = pictures;
		this.articles = articles;
		this.zones = zones;
		this.content = content;
		this.editors = editors;
	}

	@GetMapping("/staff/content/articles/new")
	String newArticle(Model model) {
		return show(null, new ArticleForm(), model);
	}

	@PostMapping("/staff/content/articles")
	String create(@Validated @ModelAttribute("articleForm") ArticleForm form, BindingResult result, Model model,
			HttpServletRequest request, RedirectAttributes redirect) {
		this.content.validate(form, result);
		if (result.hasErrors()) {
			return show(null, form, model);
		}
		Article article = this.content.createArticle(form, this.editors.of(request));
		redirect.addFlashAttribute("message", "content.article.saved");
		return "redirect:/staff/content/articles/" + article.getId();
	}

	@GetMapping("/staff/content/articles/{id}")
	String edit(@PathVariable long id, Model model) {
		Article article = article(id);
		return show(article, ArticleForm.of(article, this.content.siteTime()), model);
	}

	@PostMapping("/staff/content/articles/{id}")
	String update(@PathVariable long id, @Validated @ModelAttribute("articleForm") ArticleForm form,
			BindingResult result, Model model, HttpServletRequest request, RedirectAttributes redirect) {
		Article article = article(id);
		this.content.validate(form, result);
		if (result.hasErrors()) {
			return show(article, form, model);
		}
		boolean changed = this.content.updateArticle(id, form, this.editors.of(request));
		redirect.addFlashAttribute("message", changed ? "content.article.saved" : "content.unchanged");
		return "redirect:/staff/content/articles/" + id;
	}

	/**
	 * A picture for the article: re-encoded, then its address is shown for the body
	 * (Markdown {@code ![…](/articles/pictures/<id>)}). A file that is no picture or too
	 * large comes back as a message on the same page; nothing is stored.
	 */
	@PostMapping("/staff/content/articles/{id}/pictures")
	String addPicture(@PathVariable long id, @RequestParam(name = "picture", required = false) MultipartFile picture,
			HttpServletRequest request, RedirectAttributes redirect) throws IOException {
		article(id);
		if (picture == null || picture.isEmpty()) {
			redirect.addFlashAttribute("message", "content.article.picture.missing");
		}
		else if (picture.getSize() > ArticlePictures.MAX_BYTES) {
			redirect.addFlashAttribute("message", "content.article.picture.too-large");
		}
		else {
			try {
				ArticlePicture added = this.content.addPicture(id, picture.getBytes(), this.editors.of(request));
				redirect.addFlashAttribute("message", "content.article.picture.added");
				redirect.addFlashAttribute("addedPicture", added.getPath());
			}
			catch (UnacceptableDocumentException ex) {
				redirect.addFlashAttribute("message", "content.article.picture.unacceptable");
			}
			catch (ArticlePictures.PictureTooLargeException ex) {
				redirect.addFlashAttribute("message", "content.article.picture.too-large");
			}
		}
		return "redirect:/staff/content/articles/" + id + "#pictures";
	}

	private String show(Article article, ArticleForm form, Model model) {
		model.addAttribute("article", article);
		model.addAttribute("articleForm", form);
		model.addAttribute("pictures", (article != null) ? this.pictures.of(article.getId()) : List.of());
		model.addAttribute("zones", this.zones.all());
		model.addAttribute("formats", Arrays.asList(ArticleBody.Format.values()));
		return VIEW_ARTICLE;
	}

	private Article article(long id) {
		return this.articles.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
