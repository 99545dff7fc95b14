package org.hcpgate.articles;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ArticlePictureRepository extends JpaRepository<ArticlePicture, Long> {

	List<ArticlePicture> findByArticleIdOrderById(long articleId);

}
