package org.hcpgate.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.hcpgate.articles.Article;
import org.hcpgate.articles.ArticleService;
import org.hcpgate.readers.Reader;
import org.hcpgate.support.Readers;
import org.hcpgate.support.Reviewer;
import org.hcpgate.verification.HcpVerificationService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The editors' side in a real browser, end to end: an editor signs in where staff do,
 * creates a zone with a question for physicians only and an article in it; a reader
 * registers as a physician and reaches the article; a verified nurse is told the zone is
 * not for her profession; the editor publishes version 2 of the agreement and the
 * physician is asked again.
 */
class EditorsBrowserTest extends BrowserTestSupport {

	static final String EDITOR = "demo-editor";

	@Autowired
	Readers readers;

	@Autowired
	Reviewer reviewer;

	@Autowired
	ArticleService articles;

	@Autowired
	HcpVerificationService verifications;

	@Autowired
	TaskService taskService;

	@Test
	void anEditorsZoneAndArticleReachPhysiciansNotNursesAndANewAgreementIsAskedAgain() throws Exception {
		scenario("editors");
		ChromeDriver editor = startChrome("editor");
		ChromeDriver physician = startChrome("physician");
		ChromeDriver nurse = startChrome("nurse");
		try {
			run(editor, physician, nurse);
		}
		catch (Throwable failure) {
			evidence(editor, "FAILED-editor");
			evidence(physician, "FAILED-physician");
			evidence(nurse, "FAILED-nurse");
			throw failure;
		}
	}

	private void run(WebDriver editor, WebDriver physician, WebDriver nurse) throws Exception {
		String key = "cardio-" + UUID.randomUUID().toString().substring(0, 6);
		String title = "心衰新进展 " + key;

		// 1. the editor signs in where staff do, then creates the zone
		signInAsStaff(editor, EDITOR);
		editor.get(url("/staff/content"));
		waitFor(editor).until(ExpectedConditions.elementToBeClickable(By.id("new-zone"))).click();
		waitForHeading(editor, "新建专区");
		type(editor, By.id("key"), key);
		type(editor, By.id("name"), "心血管专区 " + key);
		type(editor, By.id("audienceNotice"), "本内容仅供医疗卫生专业人士阅读");
		editor.findElement(By.cssSelector("input[name=professions][value=physician]")).click();
		type(editor, By.id("agreementTitle"), "心血管专区协议");
		type(editor, By.id("agreementBody"), "第一版:本专区内容仅供医师阅读。");
		type(editor, By.id("questions0.text"), "您最关注心衰的哪方面?");
		screenshot(editor, "zone-form");
		editor.findElement(By.id("save-zone")).click();
		waitFor(editor).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.flash"), "专区已创建"));
		screenshot(editor, "zone-created");

		// 2. and an article in it, published now
		editor.get(url("/staff/content/articles/new"));
		waitForHeading(editor, "新建文章");
		choose(editor, By.id("zoneKey"), "心血管专区 " + key);
		type(editor, By.id("title"), title);
		type(editor, By.id("author"), "编辑部");
		type(editor, By.id("teaser"), "三项研究的要点。");
		type(editor, By.id("body"), "## 要点\n\n仅供认证医师阅读的正文。<script>alert(1)</script>");
		editor.findElement(By.cssSelector("input[name=published][type=checkbox]")).click();
		editor.findElement(By.id("save-article")).click();
		waitFor(editor).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.flash"), "文章已保存"));
		screenshot(editor, "article-saved");
		Article article = this.articles.all()
			.stream()
			.filter(a -> a.getTitle().equals(title))
			.findFirst()
			.orElseThrow();

		// 3. a physician goes through the journey and reaches the article
		Reader doctor = this.readers.newReader();
		signIn(physician, doctor.getUsername(), ReaderPathsBrowserTest.PASSWORD);
		physician.get(url("/articles/" + article.getId()));
		assertThat(waitFor(physician)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".audience-notice")))
			.getText()).isEqualTo("本内容仅供医疗卫生专业人士阅读");
		physician.findElement(By.id("enter-zone")).click();
		waitForHeading(physician, "心血管专区协议");
		screenshot(physician, "agreement-v1");
		button(physician, "同意").click();
		waitForHeading(physician, "完善信息");
		type(physician, By.id("realName"), "王医生");
		type(physician, By.id("hospital"), "北京协和医院");
		choosePhysician(physician, "主治医师", "内科");
		type(physician, By.id("licenceNumber"), "110108199031");
		physician.findElement(By.id("photo")).sendKeys(writePng().toString());
		screenshot(physician, "credentials");
		submitMainForm(physician);
		waitForHeading(physician, "工作人员正在审核中,");
		Task review = waitFor(this.taskService).until(ts -> ts.createTaskQuery()
			.taskDefinitionKey("review-credentials")
			.processInstanceBusinessKey(doctor.getReaderId())
			.singleResult());
		this.reviewer.decide(review, "{\"decision\":{\"value\":\"approved\"}}");
		waitForHeading(physician, "收集问题", Duration.ofSeconds(30));
		physician.findElement(By.cssSelector(".question textarea")).sendKeys("射血分数保留的心衰");
		submitMainForm(physician);
		// passed: the page's link goes where its countdown would (the countdown itself is
		// JourneyBrowserTest's, which waits it out)
		waitForHeading(physician, "您已通过HCP身份认证和信息审核", Duration.ofSeconds(30));
		WebElement onwards = physician.findElement(By.id("continue"));
		assertThat(onwards.getAttribute("href")).endsWith("/articles/" + article.getId());
		onwards.click();
		waitFor(physician).until(ExpectedConditions.urlMatches("/articles/" + article.getId() + "$"));
		waitFor(physician)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".body"), "仅供认证医师阅读的正文"));
		assertThat(physician.findElement(By.cssSelector(".body h2")).getText()).isEqualTo("要点");
		assertThat(physician.findElements(By.cssSelector(".body script"))).isEmpty();
		screenshot(physician, "article-read");

		// 4. a verified nurse is told the zone is for physicians
		Reader nurseReader = this.readers.newReader();
		this.verifications.markVerified(nurseReader.getReaderId(), "nurse");
		signIn(nurse, nurseReader.getUsername(), ReaderPathsBrowserTest.PASSWORD);
		nurse.get(url("/articles/" + article.getId()));
		String refusal = waitFor(nurse).until(ExpectedConditions.visibilityOfElementLocated(By.id("not-admitted")))
			.getText();
		assertThat(refusal).contains("本专区仅面向以下执业类别的已认证医疗卫生专业人士:医师").contains("您的认证执业类别是护士");
		assertThat(nurse.findElements(By.id("enter-zone"))).isEmpty();
		assertThat(nurse.findElement(By.tagName("main")).getText()).doesNotContain("仅供认证医师阅读的正文");
		screenshot(nurse, "not-admitted");

		// 5. the editor publishes version 2; the physician is asked again
		editor.get(url("/staff/content/zones/" + key + "/agreement"));
		waitForHeading(editor, "协议");
		type(editor, By.id("title"), "心血管专区协议(第二版)");
		type(editor, By.id("body"), "第二版:新增了数据使用说明。");
		editor.findElement(By.id("save-draft")).click();
		waitFor(editor).until(ExpectedConditions.elementToBeClickable(By.id("publish-agreement")));
		screenshot(editor, "agreement-draft");
		editor.findElement(By.id("publish-agreement")).click();
		waitFor(editor).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.flash"), "新版本已发布"));
		screenshot(editor, "agreement-published");

		physician.get(url("/articles/" + article.getId()));
		waitFor(physician).until(ExpectedConditions.elementToBeClickable(By.id("enter-zone"))).click();
		waitForHeading(physician, "心血管专区协议(第二版)");
		assertThat(physician.findElement(By.tagName("main")).getText()).contains("第二版:新增了数据使用说明");
		screenshot(physician, "agreement-v2");
	}

	/** Staff sign in at the webapps (Tasklist's form), as every staff member does. */
	private void signInAsStaff(WebDriver driver, String user) {
		driver.get(url("/camunda/app/tasklist/"));
		By name = By.cssSelector("input[ng-model=username]");
		waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(name));
		type(driver, name, user);
		type(driver, By.cssSelector("input[ng-model=password]"), user);
		driver.findElement(By.cssSelector("form button[type=submit]")).click();
		waitFor(driver).until(ExpectedConditions.invisibilityOfElementLocated(name));
	}

	private static WebElement button(WebDriver browser, String text) {
		return waitFor(browser).until(
				ExpectedConditions.elementToBeClickable(By.xpath("//main//button[normalize-space(.)='" + text + "']")));
	}

}
