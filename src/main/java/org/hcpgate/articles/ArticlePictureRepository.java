package org.hcpgate.articles;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ArticlePictureRepository extends JpaRepository<ArticlePicture, Long> {

	/** What pages list of an article's pictures, without their bytes. */
	@Query("""
			select new org.hcpgate.articles.ArticlePictures$Picture(p.id, p.articleId, p.contentType, p.sizeBytes)
			from ArticlePicture p where p.articleId = :articleId order by p.id""")
	List<ArticlePictures.Picture> listOf(long articleId);

	@Query("""
			select new org.hcpgate.articles.ArticlePictures$Picture(p.id, p.articleId, p.contentType, p.sizeBytes)
			from ArticlePicture p where p.id = :id""")
	Optional<ArticlePictures.Picture> info(long id);

	@Query("select p.content from ArticlePicture p where p.id = :id")
	byte[] content(long id);

}
