package org.hcpgate.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.hcpgate.articles.Article;
import org.hcpgate.articles.ArticleRepository;
import org.hcpgate.readers.Reader;
import org.hcpgate.support.Readers;
import org.hcpgate.support.Reviewer;
import org.hcpgate.support.TestMail;
import org.hcpgate.verification.HcpVerificationService;
import org.hcpgate.verification.ZoneAccessService;
import org.hcpgate.zones.Zone;
import org.hcpgate.zones.ZoneRepository;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every reader path of the site in a real browser, one scenario per test, a screenshot of
 * every page ({@code target/screenshots/<scenario>-NN-<name>.png}). Reviewers decide
 * through the engine's TaskService here (Tasklist itself is {@link JourneyBrowserTest}'s
 * subject), and the reader's page must follow by itself.
 */
class ReaderPathsBrowserTest extends BrowserTestSupport {

	static final String DEMO_ZONE = "sepsis-immunotherapy";

	static final String PASSWORD = "secret-password";

	@Autowired
	Reviewer reviewer;

	@Autowired
	Readers readers;

	@Autowired
	org.springframework.boot.test.web.client.TestRestTemplate rest;

	@Autowired
	TaskService taskService;

	@Autowired
	ZoneRepository zones;

	@Autowired
	ArticleRepository articles;

	@Autowired
	HcpVerificationService verifications;

	@Autowired
	ZoneAccessService zoneAccess;

	@Test
	void refusingTheAgreementClosesTheZoneAndTheReaderCanComeBack() throws Exception {
		run("refuse", browser -> {
			Reader reader = this.readers.newReader();
			signIn(browser, reader.getUsername(), PASSWORD);
			openGatedArticle(browser, "/articles/1");
			waitForHeading(browser, "壹生身份认证协议书");
			screenshot(browser, "agreement");
			assertThat(browser.findElement(By.cssSelector(".document")).getText()).contains("本项目是由壹生提供的专业性学术分享");
			button(browser, "拒绝").click();
			waitForHeading(browser, "本服务仅面向医疗卫生专业人士");
			assertThat(browser.findElement(By.tagName("main")).getText()).contains("您拒绝了身份认证协议书").contains("重新阅读协议");
			screenshot(browser, "refused");
			button(browser, "重新阅读协议").click();
			waitForHeading(browser, "壹生身份认证协议书");
			screenshot(browser, "agreement-again");
		});
	}

	@Test
	void skippingTheInformedConsentGoesOnAndIsRecorded() throws Exception {
		run("skip-consent", browser -> {
			Reader reader = this.readers.newReader();
			signIn(browser, reader.getUsername(), PASSWORD);
			openGatedArticle(browser, "/articles/1");
			waitForHeading(browser, "壹生身份认证协议书");
			button(browser, "同意").click();
			waitForHeading(browser, "知情同意书");
			screenshot(browser, "informed-consent");
			button(browser, "不同意并跳过").click();
			waitForHeading(browser, "完善信息");
			screenshot(browser, "credentials");
			browser.get(url("/account"));
			waitForHeading(browser, "我的账户");
			String consents = browser.findElement(By.id("consents")).getText();
			assertThat(consents).contains("知情同意书").contains("不同意").contains("身份认证协议书").contains("同意");
			screenshot(browser, "account-consents");
		});
	}

	@Test
	void aFinalRejectionShowsTheReasonsAndTheWayToSupport() throws Exception {
		run("final-rejection", browser -> {
			Reader reader = toCredentials(browser);
			// a mistake first: the form comes back with the input kept and the error at
			// the field
			fillCredentials(browser, "孔医生", "12");
			browser.findElement(By.id("photo")).sendKeys(writePng().toString());
			submitMainForm(browser);
			waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("licenceNumber-error")));
			assertThat(browser.findElement(By.id("realName")).getAttribute("value")).isEqualTo("孔医生");
			assertThat(browser.findElement(By.id("licenceNumber")).getAttribute("aria-describedby"))
				.contains("licenceNumber-error");
			assertThat(browser.findElements(By.id("photo-thumbnail"))).as("the photo is kept").hasSize(1);
			screenshot(browser, "credentials-error");
			type(browser, By.id("licenceNumber"), "110108199001");
			submitMainForm(browser);
			waitForHeading(browser, "工作人员正在审核中,");
			screenshot(browser, "in-review");

			decide(reviewTask(reader),
					Map.of("decision", "rejected-final", "rejectionReasons", "not-hcp", "reviewNote", "请联系客服核实身份"));
			this.reviewer.confirmFinalRejection(reader);
			waitForHeading(browser, "身份认证未通过", Duration.ofSeconds(20));
			assertThat(browser.findElement(By.tagName("main")).getText()).contains("非医疗卫生专业人士")
				.contains("请联系客服核实身份")
				.contains("联系客服");
			screenshot(browser, "failed");
			browser.get(url("/account"));
			waitForHeading(browser, "我的账户");
			assertThat(browser.findElement(By.id("verification-status")).getText()).contains("认证未通过");
			assertThat(browser.findElement(By.id("verification-why")).getText()).contains("非医疗卫生专业人士");
			assertThat(browser.findElement(By.id("unread-count")).getText()).isEqualTo("1");
			assertThat(browser.findElement(By.id("notifications")).getText()).contains("HCP 身份认证未通过");
			screenshot(browser, "account");
		});
	}

	/**
	 * Issue 12: a 30 MB photo, far over every limit, comes back on the form with what was
	 * typed and the size message, never an error page or another page.
	 */
	@Test
	void aPhotoFarOverTheLimitComesBackOnTheFormWithTheInputKept() throws Exception {
		run("oversized-photo", browser -> {
			toCredentials(browser);
			fillCredentials(browser, "巨医生", "110108199004");
			Path huge = writePng();
			try (var out = java.nio.file.Files.newOutputStream(huge, java.nio.file.StandardOpenOption.APPEND)) {
				byte[] block = new byte[1024 * 1024];
				for (int i = 0; i < 30; i++) {
					out.write(block);
				}
			}
			browser.findElement(By.id("photo")).sendKeys(huge.toString());
			submitMainForm(browser);
			WebElement error = waitFor(browser, Duration.ofSeconds(30))
				.until(ExpectedConditions.visibilityOfElementLocated(By.id("photo-error")));
			assertThat(error.getText()).isEqualTo("文件过大,请上传 5 MB 以内的文件。");
			assertThat(heading(browser)).isEqualTo("完善信息");
			assertThat(browser.findElement(By.id("realName")).getAttribute("value")).isEqualTo("巨医生");
			assertThat(browser.findElement(By.id("licenceNumber")).getAttribute("value")).isEqualTo("110108199004");
			screenshot(browser, "oversized-photo");
		});
	}

	/**
	 * Issue 12: the session of a waiting reader ends (expired, signed out in another
	 * tab): the page says so and offers the sign-in, instead of asking for ever.
	 */
	@Test
	void aWaitingPageWhoseSessionEndedSaysSoInsteadOfSpinning() throws Exception {
		run("signed-out-while-waiting", browser -> {
			toCredentials(browser);
			fillCredentials(browser, "严医生", "110108199002");
			browser.findElement(By.id("photo")).sendKeys(writePng().toString());
			submitMainForm(browser);
			waitForHeading(browser, "工作人员正在审核中,");
			assertThat(browser.findElement(By.id("signed-out")).isDisplayed()).isFalse();
			browser.manage().deleteCookieNamed("SESSION");
			WebElement notice = waitFor(browser, Duration.ofSeconds(15))
				.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-out")));
			assertThat(notice.getText()).contains("您的登录已失效").contains("请重新登录");
			screenshot(browser, "signed-out");
		});
	}

	@Test
	void questionsWithAnInformationReviewRejectedOnceThenApproved() throws Exception {
		run("questions", browser -> {
			Reader reader = this.readers.newReader();
			this.verifications.markVerified(reader.getReaderId());
			signIn(browser, reader.getUsername(), PASSWORD);
			openGatedArticle(browser, "/articles/1");
			button(browser, "同意").click();
			waitForHeading(browser, "知情同意书");
			button(browser, "同意").click();
			waitForHeading(browser, "收集问题");
			screenshot(browser, "questions");
			// the required question left out: the error sits at the question
			submitMainForm(browser);
			waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".field-error")));
			screenshot(browser, "questions-error");
			answer(browser, "护士", "早期识别");
			waitForHeading(browser, "工作人员正在审核中,");
			screenshot(browser, "in-review");

			decide(informationReview(reader), Map.of("decision", "rejected", "reviewNote", "请补充您所在的科室"));
			waitForHeading(browser, "收集问题", Duration.ofSeconds(20));
			assertThat(browser.findElement(By.cssSelector(".rejected")).getText()).contains("审核未通过")
				.contains("请补充您所在的科室");
			assertThat(browser.findElement(By.cssSelector(".question textarea")).getAttribute("value"))
				.isEqualTo("早期识别");
			screenshot(browser, "questions-rejected");
			answer(browser, "医师", "重症医学科:免疫监测");
			waitForHeading(browser, "工作人员正在审核中,");
			decide(informationReview(reader), Map.of("decision", "approved"));

			waitForHeading(browser, "您已通过HCP身份认证和信息审核", Duration.ofSeconds(20));
			assertThat(browser.findElement(By.id("countdown")).getAttribute("data-target")).endsWith("/articles/1");
			screenshot(browser, "passed");
			// the page's own link goes where the countdown would (the countdown itself is
			// JourneyBrowserTest's, which waits it out): the article, in full
			WebElement onwards = browser.findElement(By.id("continue"));
			assertThat(onwards.getAttribute("href")).endsWith("/articles/1");
			onwards.click();
			waitFor(browser).until(ExpectedConditions.urlMatches("/articles/1$"));
			waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.tagName("figcaption")));
			screenshot(browser, "article");
		});
	}

	@Test
	void withdrawingTheAgreementClosesTheZoneAgain() throws Exception {
		run("withdrawal", browser -> {
			Reader reader = this.readers.newReader();
			this.verifications.markVerified(reader.getReaderId());
			Article article = newZoneWithArticle();
			signIn(browser, reader.getUsername(), PASSWORD);
			openGatedArticle(browser, "/articles/" + article.getId());
			button(browser, "同意").click();
			waitForHeading(browser, "您已通过HCP身份认证和信息审核");
			screenshot(browser, "passed");
			browser.findElement(By.id("continue")).click();
			waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("comments")));
			assertThat(browser.findElement(By.cssSelector(".body")).getText()).contains("仅供认证读者的正文");
			screenshot(browser, "article");

			browser.get(url("/account"));
			WebElement withdraw = waitFor(browser)
				.until(ExpectedConditions.elementToBeClickable(By.id("withdraw-" + article.getZoneKey())));
			screenshot(browser, "account");
			withdraw.click();
			waitFor(browser)
				.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.flash"), "已撤回同意"));
			assertThat(browser.findElement(By.id("consents")).getText()).contains("已撤回");
			screenshot(browser, "withdrawn");

			browser.get(url("/articles/" + article.getId()));
			waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("enter-zone")));
			assertThat(browser.findElements(By.cssSelector(".body"))).isEmpty();
			screenshot(browser, "teaser-again");
		});
	}

	@Test
	void theSiteReadsInEnglishAndRemembersIt() throws Exception {
		run("english", browser -> {
			browser.get(url("/"));
			waitForHeading(browser, "最新文章");
			browser.findElement(By.id("switch-locale")).click();
			waitForHeading(browser, "Latest articles");
			assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
			screenshot(browser, "home");
			browser.findElement(By.linkText("Register")).click();
			waitForHeading(browser, "Register");
			String username = "en" + UUID.randomUUID().toString().substring(0, 8);
			type(browser, By.id("username"), username);
			type(browser, By.id("displayName"), "Dr Lee");
			type(browser, By.id("email"), username + "@example.org");
			type(browser, By.id("password"), username);
			submitMainForm(browser);
			waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("password-error")));
			assertThat(browser.findElement(By.id("password-error")).getText())
				.isEqualTo("The password must not be your username.");
			assertThat(browser.findElement(By.id("username")).getAttribute("value")).isEqualTo(username);
			screenshot(browser, "register-error");
			type(browser, By.id("password"), "a-good-password");
			submitMainForm(browser);
			waitForHeading(browser, "Check your e-mail");
			screenshot(browser, "check-email");
			// the e-mail is in the reader's language, and its link confirms the address
			String link = TestMail.lastLinkTo(username + "@example.org");
			assertThat(TestMail.to(username + "@example.org")).extracting(TestMail.Mail::subject)
				.containsExactly("Please confirm your e-mail address");
			browser.get(url(link.substring(link.indexOf("/register/confirm"))));
			waitFor(browser).until(ExpectedConditions.elementToBeClickable(By.id("confirm-registration"))).click();
			waitFor(browser).until(ExpectedConditions.urlMatches("/login$"));
			assertThat(browser.findElement(By.cssSelector("p.flash")).getText()).startsWith("Registered");
			screenshot(browser, "login");
			type(browser, By.id("username"), username);
			type(browser, By.id("password"), "a-good-password");
			submitMainForm(browser);
			waitFor(browser).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

			browser.get(url("/articles/1"));
			WebElement enter = waitFor(browser).until(ExpectedConditions.elementToBeClickable(By.id("enter-zone")));
			assertThat(enter.getText()).isEqualTo("Verify and read");
			screenshot(browser, "teaser");
			enter.click();
			waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".choices")));
			assertThat(browser.findElements(By.cssSelector(".choices button"))).extracting(WebElement::getText)
				.containsExactly("Refuse", "Agree");
			screenshot(browser, "agreement");
			browser.get(url("/account"));
			waitForHeading(browser, "My account");
			screenshot(browser, "account");
			browser.findElement(By.id("switch-locale")).click();
			waitForHeading(browser, "我的账户");
			screenshot(browser, "account-zh");
		});
	}

	@Test
	void theCommentThreadPagesInPlaceAndAReaderPostsAndDeletes() throws Exception {
		run("comments", browser -> {
			Reader reader = this.readers.newReader();
			this.verifications.markVerified(reader.getReaderId());
			this.zoneAccess.grant(reader.getReaderId(), DEMO_ZONE, 1);
			signIn(browser, reader.getUsername(), PASSWORD);
			browser.get(url("/articles/1"));
			WebElement title = waitFor(browser)
				.until(ExpectedConditions.visibilityOfElementLocated(By.id("comments-title")));
			int total = Integer.parseInt(title.getText().replace(" 评论", "").strip());
			assertThat(total).isGreaterThanOrEqualTo(45);
			assertThat(comments(browser)).hasSize(20);
			scrollTo(browser, By.id("comments"));
			screenshot(browser, "thread");

			String page = browser.getCurrentUrl();
			WebElement more = browser.findElement(By.id("more-comments"));
			assertThat(more.getText()).isEqualTo("查看更多");
			scrollTo(browser, By.id("more-comments"));
			more.click();
			waitFor(browser).until(d -> comments(d).size() == 40);
			assertThat(browser.getCurrentUrl()).as("loaded in place").isEqualTo(page);
			screenshot(browser, "thread-more");
			browser.findElement(By.id("more-comments")).click();
			waitFor(browser).until(d -> comments(d).size() == Math.min(total, 60));
			if (total <= 60) {
				assertThat(browser.findElements(By.id("more-comments"))).isEmpty();
			}
			screenshot(browser, "thread-all");

			type(browser, By.id("comment-text"), "<b>很有启发</b> 感谢分享");
			browser.findElement(By.cssSelector(".comment-form button[type=submit]")).click();
			waitFor(browser)
				.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.flash"), "评论已发表"));
			WebElement first = comments(browser).get(0);
			assertThat(first.findElement(By.cssSelector(".comment-text")).getText()).isEqualTo("<b>很有启发</b> 感谢分享");
			assertThat(browser.findElement(By.id("comments-title")).getText()).isEqualTo((total + 1) + " 评论");
			scrollTo(browser, By.id("comments"));
			screenshot(browser, "posted");
			assertThat(browser.findElements(By.cssSelector(".comment-delete"))).hasSize(1);
			first.findElement(By.cssSelector(".comment-delete button")).click();
			waitFor(browser)
				.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.flash"), "评论已删除"));
			assertThat(browser.findElement(By.id("comments-title")).getText()).isEqualTo(total + " 评论");
			screenshot(browser, "deleted");

			// the same article on a phone
			ChromeDriver phone = startChrome("phone", 390, 844, "zh-CN");
			signIn(phone, reader.getUsername(), PASSWORD);
			phone.get(url("/articles/1"));
			waitFor(phone).until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
			Object overflow = ((JavascriptExecutor) phone)
				.executeScript("return document.documentElement.scrollWidth > window.innerWidth;");
			assertThat(overflow).as("no sideways scrolling on a phone").isEqualTo(false);
			screenshot(phone, "phone-article");
			phone.get(url("/"));
			waitForHeading(phone, "最新文章");
			screenshot(phone, "phone-home");
		});
	}

	// ---- helpers
	// -------------------------------------------------------------------------

	interface Scenario {

		void run(ChromeDriver browser) throws Exception;

	}

	private void run(String name, Scenario scenario) throws Exception {
		scenario(name);
		ChromeDriver browser = startChrome("reader");
		long started = System.nanoTime();
		try {
			scenario.run(browser);
		}
		catch (Throwable failure) {
			evidence(browser, "FAILED");
			throw failure;
		}
		System.out.printf("Browser scenario %s: %.1f s%n", name, (System.nanoTime() - started) / 1e9);
	}

	private void openGatedArticle(WebDriver browser, String path) {
		browser.get(url(path));
		WebElement enter = waitFor(browser).until(ExpectedConditions.elementToBeClickable(By.id("enter-zone")));
		screenshot(browser, "teaser");
		enter.click();
		waitFor(browser).until(ExpectedConditions.urlContains("/journey/"));
	}

	private static WebElement button(WebDriver browser, String text) {
		return waitFor(browser).until(
				ExpectedConditions.elementToBeClickable(By.xpath("//main//button[normalize-space(.)='" + text + "']")));
	}

	/** A new reader in a new zone, signed in, agreed, at 完善信息. */
	private Reader toCredentials(ChromeDriver browser) {
		Reader reader = this.readers.newReader();
		Article article = newZoneWithArticle();
		signIn(browser, reader.getUsername(), PASSWORD);
		openGatedArticle(browser, "/articles/" + article.getId());
		button(browser, "同意").click();
		waitForHeading(browser, "完善信息");
		return reader;
	}

	private static void fillCredentials(WebDriver browser, String realName, String licenceNumber) {
		type(browser, By.id("realName"), realName);
		type(browser, By.id("hospital"), "北京协和医院");
		choosePhysician(browser, "主治医师", "重症医学科");
		type(browser, By.id("licenceNumber"), licenceNumber);
	}

	private static void answer(WebDriver browser, String choice, String text) {
		browser.findElement(By.xpath("//label[contains(@class,'choice')][normalize-space(.)='" + choice + "']"))
			.click();
		WebElement free = browser.findElement(By.cssSelector(".question textarea"));
		free.clear();
		free.sendKeys(text);
		submitMainForm(browser);
	}

	private static List<WebElement> comments(WebDriver browser) {
		return browser.findElements(By.cssSelector("#comment-list > li.comment"));
	}

	private static void scrollTo(WebDriver browser, By element) {
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'});",
				browser.findElement(element));
	}

	private Article newZoneWithArticle() {
		String key = "z" + UUID.randomUUID().toString().substring(0, 8);
		this.zones.save(new Zone(key, "浏览器测试专区 " + key, "测试协议", "测试协议正文:仅面向医疗卫生专业人士。", 1));
		return this.articles.save(
				new Article(key, true, "浏览器测试文章 " + key, "测试作者", "测试", LocalDate.now(), "这是摘要。", "<p>仅供认证读者的正文。</p>"));
	}

	private Task reviewTask(Reader reader) {
		return waitFor(this.taskService).until(ts -> ts.createTaskQuery()
			.taskDefinitionKey("review-credentials")
			.processInstanceBusinessKey(reader.getReaderId())
			.singleResult());
	}

	private Task informationReview(Reader reader) {
		return waitFor(this.taskService).until(ts -> ts.createTaskQuery()
			.taskDefinitionKey("review-information")
			.processInstanceBusinessKey(reader.getReaderId() + ":" + DEMO_ZONE)
			.singleResult());
	}

	private void decide(Task task, Map<String, Object> variables) {
		this.taskService.complete(task.getId(), variables);
	}

}
