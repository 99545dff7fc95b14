package org.hcpgate.articles;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ArticleRepository extends JpaRepository<Article, Long> {

	List<Article> findAllByOrderByPublishedOnDescIdDesc();

}
