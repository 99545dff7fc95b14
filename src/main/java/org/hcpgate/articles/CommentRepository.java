package org.hcpgate.articles;

import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CommentRepository extends JpaRepository<Comment, Long> {

	Slice<Comment> findByArticleIdOrderByCreatedAtDescIdDesc(Long articleId, Pageable page);

	long countByArticleId(Long articleId);

	Optional<Comment> findByIdAndArticleId(Long id, Long articleId);

	long deleteByReaderId(String readerId);

}
