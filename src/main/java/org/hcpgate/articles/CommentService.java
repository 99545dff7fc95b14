package org.hcpgate.articles;

import java.time.Instant;

import org.hcpgate.readers.Reader;
import org.hcpgate.readers.ReaderDataErased;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The comment thread of an article: newest first, {@value #PAGE_SIZE} at a time. Whether
 * the reader may see or write it is {@link ArticleGate}'s answer, asked by the caller.
 */
@Service
public class CommentService {

	static final int PAGE_SIZE = 20;

	private final CommentRepository comments;

	CommentService(CommentRepository comments) {
		this.comments = comments;
	}

	@Transactional(readOnly = true)
	public Slice<Comment> page(long articleId, int page) {
		return this.comments.findByArticleIdOrderByCreatedAtDescIdDesc(articleId,
				PageRequest.of(Math.max(page, 0), PAGE_SIZE));
	}

	@Transactional(readOnly = true)
	public long count(long articleId) {
		return this.comments.countByArticleId(articleId);
	}

	@Transactional
	public Comment post(long articleId, Reader reader, String text) {
		return this.comments
			.save(new Comment(articleId, reader.getReaderId(), reader.getDisplayName(), text.strip(), Instant.now()));
	}

	@EventListener
	void onReaderDataErased(ReaderDataErased erased) {
		if (erased.accountDeleted()) {
			eraseReader(erased.readerId());
		}
	}

	/**
	 * For account deletion: the reader's comments (name and text) go with the account.
	 */
	@Transactional
	public long eraseReader(String readerId) {
		return this.comments.deleteByReaderId(readerId);
	}

	/**
	 * Deletes the reader's own comment.
	 * @return false when there is no such comment on this article, or it is someone
	 * else's
	 */
	@Transactional
	public boolean deleteOwn(long articleId, long commentId, String readerId) {
		return this.comments.findByIdAndArticleId(commentId, articleId).filter(c -> c.isBy(readerId)).map(c -> {
			this.comments.delete(c);
			return true;
		}).orElse(false);
	}

}
