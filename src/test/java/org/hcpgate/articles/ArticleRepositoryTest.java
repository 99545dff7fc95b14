package org.hcpgate.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.hcpgate.support.PostgresRepositoryTest;
import org.hcpgate.zones.Zone;
import org.hcpgate.zones.ZoneRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/** Search never reads a gated body, on PostgreSQL. */
class ArticleRepositoryTest extends PostgresRepositoryTest {

	@Autowired
	ArticleRepository articles;

	@Autowired
	ZoneRepository zones;

	private String word;

	private String zone;

	@BeforeEach
	void zone() {
		this.word = "w" + UUID.randomUUID().toString().substring(0, 8);
		this.zone = "z" + UUID.randomUUID().toString().substring(0, 8);
		this.zones.save(new Zone(this.zone, "专区", "协议", "正文", 1));
	}

	@Test
	void titlesAndTeasersOfEveryArticleAndBodiesOfOpenOnesAreSearchedNewestFirst() {
		Article gatedByTitle = article(true, "标题 " + this.word, "摘要", "正文", 1);
		Article openByBody = article(false, "标题", "摘要", "正文 " + this.word, 3);
		article(true, "标题", "摘要", "只在受限正文里 " + this.word, 2);
		this.articles.flush();

		assertThat(this.articles.search("%" + this.word + "%", java.time.Instant.now(), PageRequest.of(0, 10)))
			.extracting(Article::getId)
			.containsExactly(gatedByTitle.getId(), openByBody.getId());
	}

	private Article article(boolean gated, String title, String teaser, String body, int daysAgo) {
		return this.articles
			.save(new Article(this.zone, gated, title, "作者", "标签", LocalDate.now().minusDays(daysAgo), teaser, body));
	}

}
