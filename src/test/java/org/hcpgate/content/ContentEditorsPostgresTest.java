package org.hcpgate.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.hcpgate.articles.Article;
import org.hcpgate.articles.ArticleService;
import org.hcpgate.processes.StaffGroups;
import org.hcpgate.professions.ProfessionCatalogue;
import org.hcpgate.readers.Reader;
import org.hcpgate.reasons.ReasonCatalogue;
import org.hcpgate.support.JourneyDriver;
import org.hcpgate.support.JourneyDriver.Submitted;
import org.hcpgate.support.PostgresIntegrationTest;
import org.hcpgate.support.Readers;
import org.hcpgate.support.Reviewer;
import org.hcpgate.support.TestReaders;
import org.hcpgate.zones.AgreementVersion;
import org.hcpgate.zones.Zone;
import org.hcpgate.zones.ZoneQuestion;
import org.hcpgate.zones.ZoneService;
import org.hcpgate.zones.ZoneEdit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The editors' side on the running application and PostgreSQL: every page, its validation
 * (the input kept), the agreement's versions, articles published, scheduled and
 * sanitised, the audit, who may reach what, and the content API with its refusals.
 */
class ContentEditorsPostgresTest extends PostgresIntegrationTest {

	static final String EDITOR = "demo-editor";

	@Autowired
	MockMvc mvc;

	@Autowired
	ZoneService zones;

	@Autowired
	ArticleService articles;

	@Autowired
	Readers readers;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ProfessionCatalogue professions;

	@Autowired
	ReasonCatalogue reasons;

	@Autowired
	JourneyDriver journeys;

	@Autowired
	Reviewer reviewer;

	@Autowired
	org.camunda.bpm.engine.TaskService taskService;

	@Autowired
	org.camunda.bpm.engine.IdentityService identityService;

	static String key() {
		return "z-" + UUID.randomUUID().toString().substring(0, 8);
	}

	EditorPages editor() {
		return EditorPages.signIn(this.rest, EDITOR, EDITOR);
	}

	@Test
	void anEditorCreatesAZoneWithQuestionsAndChangesIt() {
		EditorPages editor = editor();
		String key = key();
		ResponseEntity<String> created = editor.post("/staff/content/zones/new", "/staff/content/zones", "key", key,
				"name", "心血管专区", "position", "3", "published", "true", "audienceNotice", "本内容仅供医疗卫生专业人士阅读",
				"agreementTitle", "心血管专区协议", "agreementBody", "协议正文", "questions[0].text", "您关注哪些方向?",
				"questions[0].kind", "MULTIPLE_CHOICE", "questions[0].optionsText", "心衰\n高血压\n心律失常",
				"questions[0].required", "true", "questions[1].text", "", "questions[1].kind", "FREE_TEXT",
				"professions", "physician", "professions", "pharmacist");
		assertThat(editor.follow(created).getBody()).contains("专区已创建").contains("您关注哪些方向?");

		Zone zone = this.zones.get(key);
		assertThat(zone.getName()).isEqualTo("心血管专区");
		assertThat(zone.getAgreementVersion()).isEqualTo(1);
		assertThat(zone.hasInformedConsent()).isFalse();
		assertThat(zone.getAdmittedProfessions()).containsExactly("pharmacist", "physician");
		assertThat(this.zones.questions(key)).singleElement().satisfies(q -> {
			assertThat(q.isMultipleChoice()).isTrue();
			assertThat(q.getOptions()).containsExactly("心衰", "高血压", "心律失常");
		});
		assertThat(this.zones.agreementVersions(key)).singleElement()
			.satisfies(v -> assertThat(v.getPublishedBy()).isEqualTo(EDITOR));

		// a question is removed (retired: its answers stay readable), another added
		ResponseEntity<String> saved = editor.post("/staff/content/zones/" + key, "/staff/content/zones/" + key, "name",
				"心血管专区(新)", "position", "3", "published", "false", "informedConsentTitle", "知情同意书",
				"informedConsentBody", "同意正文", "questions[0].text", "您的科室?", "questions[0].kind", "FREE_TEXT");
		assertThat(editor.follow(saved).getBody()).contains("专区已保存");
		zone = this.zones.get(key);
		assertThat(zone.isPublished()).isFalse();
		assertThat(zone.getAdmittedProfessions()).as("none chosen: every profession").isEmpty();
		assertThat(zone.getInformedConsentVersion()).isEqualTo(1);
		assertThat(this.zones.questions(key)).extracting(ZoneQuestion::getText).containsExactly("您的科室?");
		assertThat(this.zones.questionsEverAsked(key)).extracting(ZoneQuestion::getText)
			.containsExactlyInAnyOrder("您关注哪些方向?", "您的科室?");

		// a hidden zone is not listed to readers, nor its page
		assertThat(EditorPages.anonymous(this.rest).get("/").getBody()).doesNotContain("心血管专区(新)");
		assertThat(EditorPages.anonymous(this.rest).get("/?zone=" + key).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		// nor its articles, their comments and their pages alike
		Article open = this.journeys.newArticle(key, false, "隐藏专区的摘要", "隐藏专区的正文");
		assertThat(EditorPages.anonymous(this.rest).get("/articles/" + open.getId()).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(EditorPages.anonymous(this.rest).get("/articles/" + open.getId() + "/comments").getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);

		assertThat(this.jdbc.queryForList(
				"select action from content_change where subject_kind = 'zone' and subject_key = ? and changed_by = ?"
						+ " order by id",
				String.class, key, EDITOR))
			.containsExactly("created", "changed");
	}

	@Test
	void aZoneWithErrorsIsShownAgainWithWhatWasTypedAndNothingSaved() {
		EditorPages editor = editor();
		long before = count("zone");
		ResponseEntity<String> refused = editor.post("/staff/content/zones/new", "/staff/content/zones", "key",
				"Bad Key!", "name", "", "description", "键入的简介保留", "agreementTitle", "", "agreementBody", "正文",
				"informedConsentBody", "有正文却没有标题", "questions[0].text", "只有一个选项的单选题", "questions[0].kind",
				"SINGLE_CHOICE", "questions[0].optionsText", "唯一选项");
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(refused.getBody()).contains("请修改标出的内容后再保存")
			.contains("专区标识只能包含小写字母、数字和连字符")
			.contains("此项为必填项")
			.contains("选择题至少需要两个选项")
			.contains("键入的简介保留")
			.contains("只有一个选项的单选题")
			.contains("Bad Key!");
		assertThat(count("zone")).isEqualTo(before);

		// a key another zone has
		String taken = key();
		this.zones.create(taken, new ZoneEdit("已有", null, 0, true, null, "", null, false), "协议", "正文", EDITOR);
		ResponseEntity<String> duplicate = editor.post("/staff/content/zones/new", "/staff/content/zones", "key", taken,
				"name", "第二个", "agreementTitle", "协议", "agreementBody", "正文");
		assertThat(duplicate.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(duplicate.getBody()).contains("已有专区使用这个标识").contains("第二个");
		assertThat(this.zones.get(taken).getName()).isEqualTo("已有");
	}

	@Test
	void anAgreementDraftIsPreviewedThenPublishedOnceAsTheNextVersion() {
		EditorPages editor = editor();
		String key = key();
		this.zones.create(key, new ZoneEdit("协议专区", null, 0, true, null, "", null, false), "协议", "第一版正文", EDITOR);
		String page = "/staff/content/zones/" + key + "/agreement";

		ResponseEntity<String> refused = editor.post(page, page + "/draft", "title", "", "body", "未保存的草稿");
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(refused.getBody()).contains("未保存的草稿").contains("此项为必填项");
		assertThat(this.zones.agreementDraft(key)).isEmpty();

		ResponseEntity<String> draft = editor.post(page, page + "/draft", "title", "协议(第二版)", "body", "第二版正文");
		assertThat(editor.follow(draft).getBody()).contains("草稿已保存").contains("第二版正文").contains("publish-agreement");
		assertThat(this.zones.get(key).getAgreementVersion()).as("a draft is not in force").isEqualTo(1);

		// published once: the second click (or a second editor) finds no draft
		assertThat(editor.follow(editor.post(page, page + "/publish")).getBody()).contains("新版本已发布");
		assertThat(editor.follow(editor.post(page, page + "/publish")).getBody()).contains("没有可发布的草稿");
		Zone zone = this.zones.get(key);
		assertThat(zone.getAgreementVersion()).isEqualTo(2);
		assertThat(zone.getAgreementBody()).isEqualTo("第二版正文");
		assertThat(this.zones.agreementVersions(key)).extracting(AgreementVersion::getVersion).containsExactly(2, 1);

		// the old version stays readable, with who accepted it
		ResponseEntity<String> first = editor.get(page + "/versions/1");
		assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(first.getBody()).contains("第一版正文").contains("同意此版本的读者(0)");
		assertThat(editor.get(page + "/versions/7").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void articlesArePublishedScheduledOrHeldBackAndTheirBodiesSanitised() {
		EditorPages editor = editor();
		EditorPages anonymous = EditorPages.anonymous(this.rest);
		String title = "编辑文章 " + UUID.randomUUID();
		ResponseEntity<String> created = editor.post("/staff/content/articles/new", "/staff/content/articles",
				"zoneKey", "sepsis-immunotherapy", "gated", "true", "title", title, "author", "编辑部", "publishedOn",
				"2026-12-01", "teaser", "摘要", "bodyFormat", "MARKDOWN", "body",
				"## 小标题\n\n正文<script>alert(1)</script> [链接](javascript:alert(1))<img src=x onerror=alert(1)>",
				"published", "false");
		assertThat(editor.follow(created).getBody()).contains("文章已保存");
		Article article = this.articles.all()
			.stream()
			.filter(a -> a.getTitle().equals(title))
			.findFirst()
			.orElseThrow();
		assertThat(article.getBody()).contains("<h2>小标题</h2>")
			.doesNotContain("<script")
			.doesNotContain("javascript:")
			.doesNotContain("onerror");
		assertThat(article.getBodySource()).contains("<script>");
		String edit = "/staff/content/articles/" + article.getId();

		// unpublished: not listed, not found; the editor's preview shows it as a let-in
		// reader would
		assertThat(anonymous.get("/").getBody()).doesNotContain(title);
		assertThat(anonymous.get("/articles/" + article.getId()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		ResponseEntity<String> preview = editor.get(edit + "/preview");
		assertThat(preview.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(preview.getBody()).contains("预览:这是已通过认证的读者看到的样子").contains("<h2>小标题</h2>");

		// scheduled for tomorrow: still not visible
		String tomorrow = LocalDateTime.now(ZoneId.of("Asia/Shanghai"))
			.plusDays(1)
			.withSecond(0)
			.withNano(0)
			.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
		assertThat(editor.follow(update(editor, edit, title, "true", tomorrow)).getBody()).contains("文章已保存");
		assertThat(anonymous.get("/articles/" + article.getId()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(editor.get("/staff/content").getBody()).contains("定时发布");

		// published now: listed; a reader not let in sees the teaser and the notice only
		assertThat(editor.follow(update(editor, edit, title, "true", "")).getBody()).contains("文章已保存");
		assertThat(anonymous.get("/").getBody()).contains(title);
		ResponseEntity<String> teaser = anonymous.get("/articles/" + article.getId());
		assertThat(teaser.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(teaser.getBody()).contains("本内容仅供医疗卫生专业人士阅读").doesNotContain("小标题");

		// errors keep what was typed
		ResponseEntity<String> refused = editor.post(edit, edit, "zoneKey", "no-such-zone", "title", "保留的标题", "author",
				"", "publishedOn", "not-a-date", "teaser", "t", "bodyFormat", "MARKDOWN", "body", "b");
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(refused.getBody()).contains("保留的标题").contains("没有这个专区").contains("格式不正确").contains("此项为必填项");
		assertThat(this.jdbc.queryForList(
				"select action from content_change where subject_kind = 'article' and subject_key = ? order by id",
				String.class, article.getId().toString()))
			.containsExactly("created", "changed", "changed");
	}

	@Test
	void articlePicturesAreReencodedAndServedOnlyToWhoeverMayReadTheArticle() {
		EditorPages editor = editor();
		EditorPages anonymous = EditorPages.anonymous(this.rest);
		String title = "图片文章 " + UUID.randomUUID();
		editor.post("/staff/content/articles/new", "/staff/content/articles", "zoneKey", "sepsis-immunotherapy",
				"gated", "true", "title", title, "author", "编辑部", "publishedOn", "2026-12-01", "teaser", "摘要",
				"bodyFormat", "MARKDOWN", "body", "正文", "published", "false");
		Article article = this.articles.all()
			.stream()
			.filter(a -> a.getTitle().equals(title))
			.findFirst()
			.orElseThrow();
		String edit = "/staff/content/articles/" + article.getId();

		byte[] marker = "TRAILING-MARKER".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		byte[] png = org.hcpgate.support.TestImages.png();
		byte[] withTrailer = java.util.Arrays.copyOf(png, png.length + marker.length);
		System.arraycopy(marker, 0, withTrailer, png.length, marker.length);
		ResponseEntity<String> uploaded = editor.upload(edit, edit + "/pictures", "picture", "figure.png", withTrailer);
		assertThat(editor.follow(uploaded).getBody()).contains("图片已上传").contains("/articles/pictures/");
		Long pictureId = this.jdbc.queryForObject("select max(id) from article_picture where article_id = ?",
				Long.class, article.getId());
		byte[] stored = this.jdbc.queryForObject("select content from article_picture where id = ?", byte[].class,
				pictureId);
		assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("TRAILING-MARKER");
		String picture = "/articles/pictures/" + pictureId;

		// unpublished: the editor sees it, nobody else
		ResponseEntity<byte[]> forEditor = editor.getBytes(picture);
		assertThat(forEditor.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(forEditor.getHeaders().getContentType()).hasToString("image/png");
		assertThat(anonymous.getBytes(picture).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

		// published but gated: still nobody the gate keeps out; open: everyone
		update(editor, edit, title, "true", "");
		assertThat(anonymous.getBytes(picture).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		editor.post(edit, edit, "zoneKey", "sepsis-immunotherapy", "title", title, "author", "编辑部", "publishedOn",
				"2026-12-01", "teaser", "摘要", "bodyFormat", "MARKDOWN", "body", "![图](" + picture + ")", "published",
				"true", "_gated", "on");
		assertThat(anonymous.getBytes(picture).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(anonymous.get("/articles/" + article.getId()).getBody()).contains("<img src=\"" + picture + "\"");

		// no picture: a message on the page, nothing stored
		long before = count("article_picture");
		ResponseEntity<String> refused = editor.upload(edit, edit + "/pictures", "picture", "notes.png",
				"<script>alert(1)</script>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(editor.follow(refused).getBody()).contains("这不是可以读取的 JPEG 或 PNG 图片");
		assertThat(count("article_picture")).isEqualTo(before);
	}

	@Test
	void onlyEditorsReachTheContentPagesAndLeadsReadTheChanges() throws Exception {
		EditorPages editor = editor();
		EditorPages reviewer = EditorPages.signIn(this.rest, "demo-reviewer", "demo-reviewer");
		EditorPages lead = EditorPages.signIn(this.rest, "demo-lead", "demo-lead");
		assertThat(editor.get("/staff/content").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(reviewer.get("/staff/content").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(lead.get("/staff/content").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(EditorPages.anonymous(this.rest).get("/staff/content").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		this.mvc.perform(get("/staff/content").with(TestReaders.signedIn(this.readers.newReader())))
			.andExpect(status().isForbidden());
		// a reviewer's post, with a token of their own session, is refused
		String reviewerToken = token(reviewer.get("/login").getBody());
		assertThat(reviewer.postWithToken("/staff/content/zones", reviewerToken, "key", key(), "name", "x")
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		// an editor's post without the token is refused
		assertThat(editor.postWithToken("/staff/content/zones", null, "key", key(), "name", "x").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);

		ResponseEntity<String> changes = lead.get("/staff/content/changes");
		assertThat(changes.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(changes.getBody()).contains("内容变更记录");
		assertThat(reviewer.get("/staff/content/changes").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void professionsAreKeptByEditorsAndLeads() {
		EditorPages editor = editor();
		EditorPages lead = EditorPages.signIn(this.rest, "demo-lead", "demo-lead");
		EditorPages reviewer = EditorPages.signIn(this.rest, "demo-reviewer", "demo-reviewer");
		assertThat(lead.get("/staff/content/professions").getBody()).contains("执业类别与科室").contains("主治医师");
		assertThat(reviewer.get("/staff/content/professions").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

		String code = "p" + UUID.randomUUID().toString().substring(0, 6);
		ResponseEntity<String> refused = editor.post("/staff/content/professions/new", "/staff/content/professions",
				"code", code, "name", "康复治疗师", "nameEn", "Therapist", "position", "9", "licencePattern", "[0-9{3",
				"licenceHint", "三位数字", "licenceHintEn", "three digits", "active", "true", "titlesText", "");
		assertThat(refused.getBody()).contains("这不是有效的正则表达式").contains("至少需要一个职称").contains("[0-9{3");
		assertThat(this.professions.find(code)).isEmpty();

		ResponseEntity<String> saved = lead.post("/staff/content/professions/new", "/staff/content/professions", "code",
				code, "name", "康复治疗师", "nameEn", "Therapist", "position", "9", "licencePattern", "[0-9]{3}",
				"licenceHint", "三位数字", "licenceHintEn", "three digits", "active", "true", "titlesText",
				"治疗士\n治疗师\n主管治疗师");
		assertThat(lead.follow(saved).getBody()).contains("执业类别已保存");
		assertThat(this.professions.titles(code)).containsExactly("治疗士", "治疗师", "主管治疗师");
		assertThat(this.professions.find(code).orElseThrow().licenceMatches("123")).isTrue();
		assertThat(this.professions.find(code).orElseThrow().licenceMatches("1234")).isFalse();
		assertThat(this.jdbc.queryForList(
				"select changed_by from content_change where subject_kind = 'profession' and subject_key = ?",
				String.class, code))
			.containsExactly("demo-lead");

		List<String> departments = this.professions.departments();
		ResponseEntity<String> changed = editor.post("/staff/content/professions",
				"/staff/content/professions/departments", "departmentsText",
				String.join("\n", departments) + "\n康复医学科");
		assertThat(editor.follow(changed).getBody()).contains("科室列表已保存");
		assertThat(this.professions.departments()).endsWith("康复医学科");
		editor.post("/staff/content/professions", "/staff/content/professions/departments", "departmentsText",
				String.join("\n", departments));
		assertThat(this.professions.departments()).isEqualTo(departments);
	}

	@Test
	void rejectionReasonsAreDataTheReviewFormOffersAndARetiredOneStaysReadable() throws Exception {
		EditorPages lead = EditorPages.signIn(this.rest, "demo-lead", "demo-lead");
		EditorPages reviewer = EditorPages.signIn(this.rest, "demo-reviewer", "demo-reviewer");
		assertThat(lead.get("/staff/content/reasons").getBody()).contains("照片无法辨认");
		assertThat(reviewer.get("/staff/content/reasons").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

		String code = "dup-" + UUID.randomUUID().toString().substring(0, 6);
		ResponseEntity<String> refused = lead.post("/staff/content/reasons/new", "/staff/content/reasons", "code",
				"Bad Code", "label", "", "labelEn", "Duplicate account", "position", "6", "active", "true");
		assertThat(refused.getBody()).contains("代码以小写字母开头").contains("此项为必填项").contains("Duplicate account");
		ResponseEntity<String> created = lead.post("/staff/content/reasons/new", "/staff/content/reasons", "code", code,
				"label", "重复注册", "labelEn", "Duplicate account", "position", "6", "active", "true");
		assertThat(lead.follow(created).getBody()).contains("原因已保存").contains(code);

		// a review opened now offers it, and a rejection may name it
		Submitted first = this.journeys.newSubmission("原因甲");
		assertThat(options(first.review())).contains(code);
		ResponseEntity<String> rejected = this.reviewer.complete(Reviewer.REVIEWER, first.review().getId(),
				"{\"variables\":{\"decision\":{\"value\":\"rejected\"},\"rejectionReasons\":{\"value\":\"[\\\"" + code
						+ "\\\"]\",\"type\":\"Json\"}}}");
		assertThat(rejected.getStatusCode().is2xxSuccessful()).as(rejected.getBody()).isTrue();
		Reader reader = first.reader();
		// the rejection is recorded by the process's next (asynchronous) step
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(20))
			.until(() -> accountPage(reader).contains("重复注册"));

		// retired: no longer offered nor accepted, still readable where it was used
		ResponseEntity<String> retired = lead.post("/staff/content/reasons/" + code, "/staff/content/reasons/" + code,
				"label", "重复注册", "labelEn", "Duplicate account", "position", "6", "_active", "on");
		assertThat(lead.follow(retired).getBody()).contains("原因已保存");
		assertThat(this.reasons.isActive(code)).isFalse();
		Submitted second = this.journeys.newSubmission("原因乙");
		assertThat(options(second.review())).doesNotContain(code).contains("photo-unreadable");
		ResponseEntity<String> refusedReason = this.reviewer.complete(Reviewer.REVIEWER, second.review().getId(),
				"{\"variables\":{\"decision\":{\"value\":\"rejected\"},\"rejectionReasons\":{\"value\":\"[\\\"" + code
						+ "\\\"]\",\"type\":\"Json\"}}}");
		assertThat(refusedReason.getStatusCode().is2xxSuccessful()).isFalse();
		assertThat(refusedReason.getBody()).contains("reason-unknown");
		assertThat(accountPage(reader)).contains("重复注册");
		assertThat(this.jdbc.queryForList(
				"select action from content_change where subject_kind = 'reason' and subject_key = ? order by id",
				String.class, code))
			.containsExactly("created", "changed");
	}

	private String accountPage(Reader reader) throws Exception {
		return this.mvc.perform(get("/account").with(TestReaders.signedIn(reader)))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String options(org.camunda.bpm.engine.task.Task task) {
		return String.valueOf(this.taskService.getVariableLocal(task.getId(), "rejectionReasonOptions"));
	}

	@Test
	void anEditorRemovedFromTheGroupChangesNothingMoreAndOnlyLeadsSetLicencePatterns() {
		String former = this.reviewer.newStaffMember("former-editor-", StaffGroups.EDITORS);
		EditorPages session = EditorPages.signIn(this.rest, former, Reviewer.STAFF_PASSWORD);
		String formPage = "/staff/content/zones/new";
		String token = token(session.get(formPage).getBody());
		this.identityService.deleteMembership(former, StaffGroups.EDITORS);
		String key = key();
		ResponseEntity<String> refused = session.postWithToken("/staff/content/zones", token, "key", key, "name",
				"不该创建", "agreementTitle", "协议", "agreementBody", "正文");
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.zones.find(key)).isEmpty();

		// an editor may keep a profession's licence pattern, not change it
		EditorPages editor = editor();
		String page = "/staff/content/professions/nurse";
		ResponseEntity<String> weakened = editor.post(page, page, "name", "护士", "nameEn", "Nurse", "position", "2",
				"licencePattern", ".*", "licenceHint", "任意", "licenceHintEn", "anything", "_active", "on", "active",
				"true", "titlesText", String.join("\n", this.professions.titles("nurse")));
		assertThat(weakened.getBody()).contains("证书编号格式只能由审核组长设定");
		assertThat(this.professions.find("nurse").orElseThrow().getLicencePattern()).isEqualTo("[0-9]{12}");

		// the departments may not be emptied
		ResponseEntity<String> emptied = editor.post("/staff/content/professions",
				"/staff/content/professions/departments", "departmentsText", " \n ");
		assertThat(emptied.getBody()).contains("至少需要一个科室");
		assertThat(this.professions.departments()).isNotEmpty();
	}

	@Test
	void aBodyTooLongAsAPageIsRefusedOnThePage() {
		EditorPages editor = editor();
		String title = "长文 " + UUID.randomUUID();
		ResponseEntity<String> refused = editor.post("/staff/content/articles/new", "/staff/content/articles",
				"zoneKey", "sepsis-immunotherapy", "gated", "true", "title", title, "author", "编辑部", "publishedOn",
				"2026-12-01", "teaser", "摘要", "bodyFormat", "MARKDOWN", "body", "- a\n".repeat(24_000), "published",
				"false");
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(refused.getBody()).contains("正文转换为网页后超过 100,000 个字符").contains(title);
		assertThat(this.articles.all()).noneMatch(a -> a.getTitle().equals(title));
	}

	@Test
	void theContentApiUpsertsByTheCmsIdsAndRefusesOthers() throws Exception {
		String cmsZone = "cms-zone-" + UUID.randomUUID();
		String key = key();
		String zoneJson = """
				{"key": "%s", "name": "CMS 专区", "position": 5, "published": true,
				 "agreementTitle": "CMS 协议", "agreementBody": "CMS 协议正文",
				 "questions": [{"text": "您的职称?", "kind": "SINGLE_CHOICE", "options": ["住院医师", "主治医师"],
				                "required": true}]}
				""".formatted(key);
		this.mvc
			.perform(put("/api/content/zones/" + cmsZone).with(httpBasic(EDITOR, EDITOR))
				.contentType(MediaType.APPLICATION_JSON)
				.content(zoneJson))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.key").value(key))
			.andExpect(jsonPath("$.agreementVersion").value(1));
		long changes = count("content_change");
		this.mvc
			.perform(put("/api/content/zones/" + cmsZone).with(httpBasic(EDITOR, EDITOR))
				.contentType(MediaType.APPLICATION_JSON)
				.content(zoneJson))
			.andExpect(status().isOk());
		assertThat(count("content_change")).as("the same zone again changes nothing").isEqualTo(changes);
		assertThat(this.zones.questionsEverAsked(key)).hasSize(1);

		// the questions alone: the first changed in place, a second added; twice is once
		String questions = """
				[{"text": "您的职称?", "kind": "MULTIPLE_CHOICE", "options": ["住院医师", "主治医师"], "required": true},
				 {"text": "您所在的医院等级?", "kind": "FREE_TEXT", "required": false}]
				""";
		for (int i = 0; i < 2; i++) {
			this.mvc
				.perform(put("/api/content/zones/" + cmsZone + "/questions").with(httpBasic(EDITOR, EDITOR))
					.contentType(MediaType.APPLICATION_JSON)
					.content(questions))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.questions.length()").value(2));
		}
		assertThat(this.zones.questionsEverAsked(key)).hasSize(2);
		assertThat(this.zones.questions(key).get(0).isMultipleChoice()).isTrue();
		// the first left out: retired, the second keeps its id (never rewritten into the
		// first)
		Long second = this.zones.questions(key).get(1).getId();
		this.mvc
			.perform(put("/api/content/zones/" + cmsZone + "/questions").with(httpBasic(EDITOR, EDITOR))
				.contentType(MediaType.APPLICATION_JSON)
				.content("[{\"text\": \"您所在的医院等级?\", \"kind\": \"FREE_TEXT\"}]"))
			.andExpect(status().isOk());
		assertThat(this.zones.questions(key)).extracting(ZoneQuestion::getId).containsExactly(second);
		assertThat(this.zones.questionsEverAsked(key)).hasSize(2);
		this.mvc
			.perform(put("/api/content/zones/" + cmsZone + "/questions").with(httpBasic(EDITOR, EDITOR))
				.contentType(MediaType.APPLICATION_JSON)
				.content("[{\"text\": \"只有一个选项\", \"kind\": \"SINGLE_CHOICE\", \"options\": [\"是\"]}]"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("questions[0].optionsText"));
		this.mvc
			.perform(put("/api/content/zones/" + cmsZone + "/questions")
				.with(httpBasic("demo-reviewer", "demo-reviewer"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(questions))
			.andExpect(status().isForbidden());

		String version = "cms-agreement-" + UUID.randomUUID();
		String agreement = "{\"title\": \"CMS 协议第二版\", \"body\": \"第二版\"}";
		this.mvc
			.perform(put("/api/content/zones/" + cmsZone + "/agreement-versions/" + version)
				.with(httpBasic(EDITOR, EDITOR))
				.contentType(MediaType.APPLICATION_JSON)
				.content(agreement))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.version").value(2));
		this.mvc
			.perform(put("/api/content/zones/" + cmsZone + "/agreement-versions/" + version)
				.with(httpBasic(EDITOR, EDITOR))
				.contentType(MediaType.APPLICATION_JSON)
				.content(agreement))
			.andExpect(status().isOk());
		this.mvc
			.perform(put("/api/content/zones/" + cmsZone + "/agreement-versions/" + version)
				.with(httpBasic(EDITOR, EDITOR))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\": \"CMS 协议第二版\", \"body\": \"悄悄改过的第二版\"}"))
			.andExpect(status().isConflict());
		assertThat(this.zones.get(key).getAgreementVersion()).isEqualTo(2);

		String cmsArticle = "cms-article-" + UUID.randomUUID();
		String articleJson = """
				{"zoneKey": "%s", "gated": true, "title": "CMS 文章", "author": "CMS", "publishedOn": "2026-12-02",
				 "teaser": "摘要", "bodyFormat": "HTML", "body": "<p onclick=\\"alert(1)\\">正文</p>", "published": true}
				""".formatted(key);
		this.mvc
			.perform(put("/api/content/articles/" + cmsArticle).with(httpBasic(EDITOR, EDITOR))
				.contentType(MediaType.APPLICATION_JSON)
				.content(articleJson))
			.andExpect(status().isCreated());
		this.mvc
			.perform(put("/api/content/articles/" + cmsArticle).with(httpBasic(EDITOR, EDITOR))
				.contentType(MediaType.APPLICATION_JSON)
				.content(articleJson))
			.andExpect(status().isOk());
		Article article = this.articles.findByCmsId(cmsArticle).orElseThrow();
		assertThat(article.getBody()).isEqualTo("<p>正文</p>");
		this.mvc.perform(get("/api/content/articles/" + cmsArticle).with(httpBasic(EDITOR, EDITOR)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("CMS 文章"));

		// a body with errors: 400 naming the fields, in the asked language
		this.mvc
			.perform(put("/api/content/articles/" + cmsArticle).with(httpBasic(EDITOR, EDITOR))
				.header("Accept-Language", "en")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"zoneKey\": \"nowhere\", \"title\": \"\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'zoneKey')].message").value("There is no such zone."))
			.andExpect(jsonPath("$.errors[?(@.field == 'title')].message").value("This field is required."));

		// refused: a reviewer, a wrong password, a reader's session, nobody
		this.mvc.perform(get("/api/content/zones").with(httpBasic("demo-reviewer", "demo-reviewer")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(put("/api/content/articles/" + cmsArticle).with(httpBasic("demo-reviewer", "demo-reviewer"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(articleJson))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/content/zones").with(httpBasic("no-such-editor", "wrong")))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/content/zones").with(TestReaders.signedIn(this.readers.newReader())))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/content/zones")).andExpect(status().isUnauthorized());
	}

	@Test
	void theApiIsDescribedByOpenApi() throws Exception {
		this.mvc.perform(get("/api/docs/openapi.json"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/content/zones/{cmsId}'].put").exists())
			.andExpect(jsonPath("$.paths['/api/content/articles/{cmsId}'].put").exists())
			.andExpect(jsonPath("$.components.securitySchemes.staff.scheme").value("basic"));
		this.mvc.perform(get("/api/docs")).andExpect(status().is3xxRedirection());
	}

	private static ResponseEntity<String> update(EditorPages editor, String path, String title, String published,
			String publishAt) {
		return editor.post(path, path, "zoneKey", "sepsis-immunotherapy", "gated", "true", "title", title, "author",
				"编辑部", "publishedOn", "2026-12-01", "teaser", "摘要", "bodyFormat", "MARKDOWN", "body", "## 小标题\n\n正文",
				"published", published, "publishAt", publishAt);
	}

	private static String token(String page) {
		java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
			.matcher(page);
		assertThat(token.find()).isTrue();
		return token.group(1);
	}

	private long count(String table) {
		return this.jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

}
