package org.hcpgate.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.hcpgate.articles.Article;
import org.hcpgate.articles.ArticleBody;
import org.hcpgate.articles.ArticleRepository;
import org.hcpgate.articles.Comment;
import org.hcpgate.articles.CommentRepository;
import org.hcpgate.content.ArticleForm;
import org.hcpgate.content.ContentService;
import org.hcpgate.partners.PartnerForm;
import org.hcpgate.partners.PartnerSites;
import org.hcpgate.content.Editor;
import org.hcpgate.content.ZoneForm;
import org.hcpgate.processes.StaffGroups;
import org.hcpgate.readers.ReaderAccountRepository;
import org.hcpgate.readers.ReaderAccountService;
import org.hcpgate.security.StartupLock;
import org.hcpgate.zones.ZoneQuestion;
import org.hcpgate.zones.ZoneRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo: the seed's zone (agreement, informed consent, questions with information
 * review) and article, a reader and a reviewer. Only in the {@code demo} profile (the
 * default on H2); idempotent, so a restart or a second node adds nothing twice.
 */
@Component
@Profile("demo")
@Order(StaffGroupsSetup.ORDER + 1)
class DemoData implements ApplicationRunner {

	private final StartupLock startupLock;

	private final TransactionTemplate transactions;

	static final String ZONE_KEY = "sepsis-immunotherapy";

	static final String READER = "demo-reader";

	static final String REVIEWER = "demo-reviewer";

	static final String OPEN_ARTICLE_TITLE = "【演示】脓毒症早期识别:qSOFA 与 SOFA 评分速览";

	/** Demo comments belong to no real reader: no one can delete them from the site. */
	static final String DEMO_COMMENTER = "demo-commenter";

	/**
	 * A review lead: confirms final rejections (four-eyes), gets escalations, reads the
	 * dashboard.
	 */
	static final String LEAD = "demo-lead";

	/** An editor: zones, agreements, questions and articles on /staff/content. */
	static final String EDITOR = "demo-editor";

	/** The demo partner site's client id and secret (it runs on 127.0.0.1:8081). */
	static final String PARTNER = "demo-partner";

	static final String PARTNER_SECRET = "demo-partner-secret";

	static final String AUDIENCE_NOTICE = "本内容仅供医疗卫生专业人士阅读";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final ZoneRepository zones;

	private final ArticleRepository articles;

	private final ContentService content;

	private final ReaderAccountRepository readerAccounts;

	private final ReaderAccountService readerAccountService;

	private final IdentityService identity;

	private final CommentRepository comments;

	private final PartnerSites partners;

	DemoData(ZoneRepository zones, ArticleRepository articles, ContentService content,
			ReaderAccountRepository readerAccounts, ReaderAccountService readerAccountService, IdentityService identity,
			CommentRepository comments, PartnerSites partners, StartupLock startupLock,
			PlatformTransactionManager transactionManager) {
		this.partners = partners;
		this.startupLock = startupLock;
		this.transactions = new TransactionTemplate(transactionManager);
		this.comments = comments;
		this.zones = zones;
		this.articles = articles;
		this.content = content;
		this.readerAccounts = readerAccounts;
		this.readerAccountService = readerAccountService;
		this.identity = identity;
	}

	/** One node at a time, in one transaction: two nodes starting together seed once. */
	@Override
	public void run(ApplicationArguments args) {
		this.startupLock.exclusively(() -> this.transactions.executeWithoutResult(status -> seed()));
	}

	private void seed() {
		if (!this.zones.existsById(ZONE_KEY)) {
			// the demo's content goes through the editors' own door (ContentService)
			ZoneForm zone = new ZoneForm();
			zone.setKey(ZONE_KEY);
			zone.setName("脓毒症免疫治疗");
			zone.setDescription("脓毒症免疫功能监测和治疗的项目动态与临床实践。");
			zone.setAudienceNotice(AUDIENCE_NOTICE);
			zone.setAgreementTitle("壹生身份认证协议书");
			zone.setAgreementBody(text("demo/agreement.txt"));
			zone.setInformedConsentTitle("知情同意书");
			zone.setInformedConsentBody(text("demo/informed-consent.txt"));
			zone.setInformationReview(true);
			zone.setQuestions(
					List.of(question("您的执业类别是?", ZoneQuestion.Kind.SINGLE_CHOICE, true, "医师", "护士", "药师", "其他"),
							question("您在脓毒症免疫治疗方面最关注的问题是什么?", ZoneQuestion.Kind.FREE_TEXT, false)));
			this.content.createZone(zone, Editor.setup());
			this.content.createArticle(article(true, "北京站|脓毒症免疫功能监测和治疗流调与最佳临床实践项目在北区启动", "医学论坛报醒醒活动", "脓毒症免疫治疗",
					LocalDate.of(2019, 11, 20),
					"继西南区、南区、中区启动会之后,11月16日在首都北京成功召开北区启动会!来自华北、东北和西北地区的30余位重症领域专家学者、医师同道齐聚一堂。",
					text("demo/article-sepsis.html")), Editor.setup());
			log.info("Demo zone {} and its article created", ZONE_KEY);
		}
		Article seed = this.articles.findByZoneKeyOrderByPublishedOnDescIdDesc(ZONE_KEY)
			.stream()
			.filter(Article::isGated)
			.findFirst()
			.orElseThrow();
		if (this.articles.findByZoneKeyOrderByPublishedOnDescIdDesc(ZONE_KEY).stream().noneMatch(a -> !a.isGated())) {
			this.content.createArticle(
					article(false, OPEN_ARTICLE_TITLE, "HCP Gate 演示编辑部", "脓毒症早期识别", LocalDate.of(2019, 12, 2),
							"【演示】两种床旁评分工具速览:qSOFA 用于快速筛查,SOFA 用于评估器官功能障碍。本文对所有读者开放。", text("demo/article-qsofa.html")),
					Editor.setup());
		}
		if (this.comments.countByArticleId(seed.getId()) == 0) {
			// the seed shows "200 评论": a thread long enough to page through (20 at a
			// time)
			List<String> lines = text("demo/comments.txt").lines().filter(l -> !l.isBlank()).toList();
			Instant first = LocalDate.of(2019, 11, 20).atTime(9, 0).toInstant(ZoneOffset.ofHours(8));
			for (int i = 0; i < lines.size(); i++) {
				this.comments.save(new Comment(seed.getId(), DEMO_COMMENTER, "演示读者" + (i + 1), lines.get(i),
						first.plusSeconds(3600L * 7 * i)));
			}
		}
		if (!this.readerAccounts.existsByUsername(READER)) {
			this.readerAccountService.register(READER, READER, "演示读者", "demo-reader@example.org");
		}
		ensureStaff(REVIEWER, "审核员", StaffGroups.REVIEWERS);
		ensureStaff(EDITOR, "编辑", StaffGroups.EDITORS);
		ensureStaff(LEAD, "审核组长", StaffGroups.REVIEW_LEADS);
		if (this.partners.find(PARTNER).isEmpty()) {
			// the demo partner site (src/test/java/demo/partner, README "Partner sites")
			PartnerForm partner = new PartnerForm();
			partner.setClientId(PARTNER);
			partner.setName("演示合作网站 Demo Partner");
			partner.setRedirectUris(List.of("http://127.0.0.1:8081/login/oauth2/code/hcp-gate"));
			partner.setScopes(Set.of("openid", "hcp", "profession", "zones"));
			partner.setZoneKeys(Set.of(ZONE_KEY));
			partner.setNeedsVerifiedHcp(true);
			partner.setJourneyZoneKey(ZONE_KEY);
			this.partners.save(partner, "hcp-gate", PARTNER_SECRET);
		}
	}

	/**
	 * A demo staff member of one group, created once; the password is the user name.
	 */
	private void ensureStaff(String id, String lastName, String group) {
		if (this.identity.createUserQuery().userId(id).count() == 0) {
			User user = this.identity.newUser(id);
			user.setFirstName("演示");
			user.setLastName(lastName);
			user.setPassword(id);
			saveDemoUser(user);
			this.identity.createMembership(id, group);
		}
	}

	/**
	 * The demo's staff passwords are their user names (a documented, public contract):
	 * they do not meet the password policy that every real staff password must, so the
	 * demo saves them past it, as the engine's own API allows.
	 */
	private void saveDemoUser(User user) {
		if (this.identity instanceof IdentityServiceImpl engineIdentity) {
			engineIdentity.saveUser(user, true);
		}
		else {
			this.identity.saveUser(user);
		}
	}

	private static ZoneForm.QuestionRow question(String text, ZoneQuestion.Kind kind, boolean required,
			String... options) {
		ZoneForm.QuestionRow row = new ZoneForm.QuestionRow();
		row.setText(text);
		row.setKind(kind);
		row.setRequired(required);
		row.setOptions(List.of(options));
		return row;
	}

	private static ArticleForm article(boolean gated, String title, String author, String tag, LocalDate date,
			String teaser, String html) {
		ArticleForm article = new ArticleForm();
		article.setZoneKey(ZONE_KEY);
		article.setGated(gated);
		article.setTitle(title);
		article.setAuthor(author);
		article.setTag(tag);
		article.setPublishedOn(date);
		article.setTeaser(teaser);
		article.setBodyFormat(ArticleBody.Format.HTML);
		article.setBody(html);
		article.setPublished(true);
		return article;
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
