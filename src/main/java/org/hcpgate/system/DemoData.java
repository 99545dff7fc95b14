package org.hcpgate.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.hcpgate.accounts.ReaderAccountRepository;
import org.hcpgate.accounts.ReaderAccountService;
import org.hcpgate.articles.Article;
import org.hcpgate.articles.ArticleRepository;
import org.hcpgate.zones.Zone;
import org.hcpgate.zones.ZoneQuestion;
import org.hcpgate.zones.ZoneQuestionRepository;
import org.hcpgate.zones.ZoneRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo: the seed's zone (agreement, informed consent, questions with information
 * review) and article, a reader and a reviewer. Only in the {@code demo} profile (the default on H2); idempotent, so a restart
 * or a second node adds nothing twice.
 */
@Component
@Profile("demo")
@Order(StaffGroups.ORDER + 1)
class DemoData implements ApplicationRunner {

	static final String ZONE_KEY = "sepsis-immunotherapy";

	static final String READER = "demo-reader";

	static final String REVIEWER = "demo-reviewer";

	/** A review lead: confirms final rejections (four-eyes), gets escalations, reads the dashboard. */
	static final String LEAD = "demo-lead";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final ZoneRepository zones;

	private final ArticleRepository articles;

	private final ZoneQuestionRepository questions;

	private final ReaderAccountRepository readerAccounts;

	private final ReaderAccountService readerAccountService;

	private final IdentityService identity;

	DemoData(ZoneRepository zones, ArticleRepository articles, ZoneQuestionRepository questions,
			ReaderAccountRepository readerAccounts, ReaderAccountService readerAccountService,
			IdentityService identity) {
		this.zones = zones;
		this.articles = articles;
		this.questions = questions;
		this.readerAccounts = readerAccounts;
		this.readerAccountService = readerAccountService;
		this.identity = identity;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!this.zones.existsById(ZONE_KEY)) {
			this.zones.save(new Zone(ZONE_KEY, "脓毒症免疫治疗", "壹生身份认证协议书", text("demo/agreement.txt"), 1)
				.withInformedConsent("知情同意书", text("demo/informed-consent.txt"), 1)
				.withInformationReview());
			this.questions.save(new ZoneQuestion(ZONE_KEY, 1, "您的执业类别是?", true, List.of("医师", "护士", "药师", "其他")));
			this.questions.save(new ZoneQuestion(ZONE_KEY, 2, "您在脓毒症免疫治疗方面最关注的问题是什么?", false));
			this.articles.save(new Article(ZONE_KEY, true, "北京站|脓毒症免疫功能监测和治疗流调与最佳临床实践项目在北区启动",
					"医学论坛报醒醒活动", "脓毒症免疫治疗", LocalDate.of(2019, 11, 20),
					"继西南区、南区、中区启动会之后,11月16日在首都北京成功召开北区启动会!来自华北、东北和西北地区的30余位重症领域专家学者、医师同道齐聚一堂。",
					text("demo/article-sepsis.html")));
			log.info("Demo zone {} and its article created", ZONE_KEY);
		}
		if (!this.readerAccounts.existsByUsername(READER)) {
			this.readerAccountService.register(READER, READER, "演示读者", "demo-reader@example.org");
		}
		if (this.identity.createUserQuery().userId(REVIEWER).count() == 0) {
			User reviewer = this.identity.newUser(REVIEWER);
			reviewer.setFirstName("演示");
			reviewer.setLastName("审核员");
			reviewer.setPassword(REVIEWER);
			this.identity.saveUser(reviewer);
			this.identity.createMembership(REVIEWER, StaffGroups.REVIEWERS);
		}
		if (this.identity.createUserQuery().userId(LEAD).count() == 0) {
			User lead = this.identity.newUser(LEAD);
			lead.setFirstName("演示");
			lead.setLastName("审核组长");
			lead.setPassword(LEAD);
			this.identity.saveUser(lead);
			this.identity.createMembership(LEAD, StaffGroups.REVIEW_LEADS);
		}
	}

	private static String text(String path) {
		try {
			return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
