package org.hcpgate.articles;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ArticleRepository extends JpaRepository<Article, Long> {

	List<Article> findAllByOrderByPublishedOnDescIdDesc();

	List<Article> findByZoneKeyOrderByPublishedOnDescIdDesc(String zoneKey);

	List<Article> findAllByOrderByPublishedOnDescIdDesc(Pageable page);

	/**
	 * Search: title and teaser of every article, the body only of open ones, so that a
	 * gated body can never be probed by searching for its words.
	 */
	@Query("""
			select a from Article a
			where lower(a.title) like :pattern escape '\\'
			   or lower(a.teaser) like :pattern escape '\\'
			   or (a.gated = false and lower(a.body) like :pattern escape '\\')
			order by a.publishedOn desc, a.id desc""")
	List<Article> search(String pattern, Pageable page);

}
