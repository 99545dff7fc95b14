package org.hcpgate.articles;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ArticleRepository extends JpaRepository<Article, Long> {

	/**
	 * What readers see listed, newest first: published by now, in a zone that is not
	 * hidden.
	 */
	@Query("""
			select a from Article a, Zone z
			where z.key = a.zoneKey and z.published = true and a.publishedAt <= :now
			order by a.publishedOn desc, a.id desc""")
	List<Article> listed(Instant now);

	@Query("""
			select a from Article a, Zone z
			where z.key = a.zoneKey and z.published = true and a.publishedAt <= :now
			order by a.publishedOn desc, a.id desc""")
	List<Article> listed(Instant now, Pageable page);

	/** Every article, unpublished ones too: what editors keep. */
	List<Article> findAllByOrderByPublishedOnDescIdDesc();

	List<Article> findByZoneKeyOrderByPublishedOnDescIdDesc(String zoneKey);

	Optional<Article> findByCmsId(String cmsId);

	/**
	 * Search: title and teaser of every article, the body only of open ones, so that a
	 * gated body can never be probed by searching for its words.
	 */
	@Query("""
			select a from Article a, Zone z
			where z.key = a.zoneKey and z.published = true and a.publishedAt <= :now
			  and (lower(a.title) like :pattern escape '\\'
			   or lower(a.teaser) like :pattern escape '\\'
			   or (a.gated = false and lower(a.body) like :pattern escape '\\'))
			order by a.publishedOn desc, a.id desc""")
	List<Article> search(String pattern, Instant now, Pageable page);

}
