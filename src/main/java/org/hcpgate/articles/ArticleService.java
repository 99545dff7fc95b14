package org.hcpgate.articles;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Articles as editors and the CMS keep them: every body is sanitised on its way in
 * ({@link ArticleBody}), so a page never shows what was not.
 */
@Service
public class ArticleService {

	private final ArticleRepository articles;

	ArticleService(ArticleRepository articles) {
		this.articles = articles;
	}

	@Transactional(readOnly = true)
	public List<Article> all() {
		return this.articles.findAllByOrderByPublishedOnDescIdDesc();
	}

	@Transactional(readOnly = true)
	public Optional<Article> find(long id) {
		return this.articles.findById(id);
	}

	@Transactional(readOnly = true)
	public Optional<Article> findByCmsId(String cmsId) {
		return this.articles.findByCmsId(cmsId);
	}

	@Transactional
	public Article create(ArticleEdit edit) {
		return this.articles.save(new Article(edit));
	}

	@Transactional
	public Article update(long id, ArticleEdit edit) {
		Article article = this.articles.findById(id).orElseThrow(() -> new UnknownArticleException(id));
		article.edit(edit);
		return article;
	}

	@Transactional
	public void identifyInCms(long id, String cmsId) {
		this.articles.findById(id).orElseThrow(() -> new UnknownArticleException(id)).identifyInCms(cmsId);
	}

	/** The zone's articles that readers see now. */
	@Transactional(readOnly = true)
	public List<Article> listed(Instant now) {
		return this.articles.listed(now);
	}

}
