package org.hcpgate.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.hcpgate.readers.ReaderAccountRepository;
import org.hcpgate.support.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The whole journey in real browsers: a new reader registers, signs in, opens the gated
 * article, agrees, consents, submits credentials with a licence photo; a reviewer (a
 * second browser) rejects the submission in Camunda Tasklist, the reader resubmits, the
 * reviewer approves, and the reader lands on the full article by itself.
 * <p>
 * Needs Chromium and its chromedriver ({@code /usr/bin/chromium},
 * {@code /usr/bin/chromedriver}; override with {@code -Dhcpgate.chromium=...} and
 * {@code -Dhcpgate.chromedriver=...}). It fails, never skips, when they are missing.
 * Selenium Manager is never used. Every page visited is saved to
 * {@code target/screenshots/journey-NN-<name>.png}.
 */
class JourneyBrowserTest extends BrowserTestSupport {

	private static final String ZONE = "sepsis-immunotherapy";

	private static final String REVIEWER = "demo-reviewer";

	private static final String REVIEW_TASK = "review-credentials";

	private static final String REVIEWERS = "hcp-reviewers";

	/**
	 * The in-review page asks every 2 s (10 s without JS); the passed page counts down 5
	 * s.
	 */
	private static final Duration SELF_REFRESH = Duration.ofSeconds(40);

	@Autowired
	TaskService taskService;

	@Autowired
	FilterService filterService;

	@Autowired
	ReaderAccountRepository readerAccounts;

	private ChromeDriver reader;

	private ChromeDriver reviewer;

	@BeforeEach
	void startBrowsers() throws IOException {
		scenario("journey");
		this.reader = startChrome("reader");
		this.reviewer = startChrome("reviewer");
	}

	@Test
	void readerIsRejectedOnceThenApprovedAnswersQuestionsAndReadsTheArticle() throws Exception {
		try {
			journey();
		}
		catch (Throwable failure) {
			evidence(this.reader, "FAILED-reader");
			evidence(this.reviewer, "FAILED-reviewer");
			throw failure;
		}
	}

	private void journey() throws Exception {
		String suffix = Long.toString(System.currentTimeMillis(), 36) + UUID.randomUUID().toString().substring(0, 6);
		String username = "browser-" + suffix;
		String password = "pw-" + suffix + "!";
		String realName = "张医生" + suffix;
		Path photo = writePng();

		// 1. register, sign in, open the gated article
		this.reader.get(url("/register"));
		waitFor(this.reader).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
		screenshot(this.reader, "register");
		type(this.reader, By.id("username"), username);
		type(this.reader, By.id("displayName"), "浏览器读者 " + suffix);
		type(this.reader, By.id("email"), username + "@example.org");
		type(this.reader, By.id("password"), password);
		submitMainForm(this.reader);
		waitFor(this.reader).until(ExpectedConditions.urlContains("/register/check-email"));
		assertThat(this.reader.findElement(By.id("check-email")).getText()).contains(username + "@example.org");
		screenshot(this.reader, "check-email");
		// the link in the e-mail, then its button: the account exists
		String link = TestMail.lastLinkTo(username + "@example.org");
		this.reader.get(url(link.substring(link.indexOf("/register/confirm"))));
		waitFor(this.reader).until(ExpectedConditions.elementToBeClickable(By.id("confirm-registration"))).click();
		waitFor(this.reader).until(ExpectedConditions.urlMatches("/login$"));
		waitFor(this.reader).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
		assertThat(this.reader.findElement(By.cssSelector("p.flash")).getText()).startsWith("注册成功");
		screenshot(this.reader, "login");

		type(this.reader, By.id("username"), username);
		type(this.reader, By.id("password"), password);
		submitMainForm(this.reader);
		waitFor(this.reader).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		screenshot(this.reader, "signed-in");
		String readerId = this.readerAccounts.findByUsername(username).orElseThrow().getReaderId();

		this.reader.get(url("/articles/1"));
		WebElement title = waitFor(this.reader).until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
		assertThat(title.getText()).startsWith("北京站|脓毒症");
		assertThat(this.reader.findElement(By.cssSelector("p.teaser")).getText()).isNotBlank();
		WebElement enter = this.reader.findElement(By.id("enter-zone"));
		assertThat(enter.getText()).isEqualTo("认证后阅读全文");
		assertThat(this.reader.findElements(By.tagName("figcaption"))).isEmpty();
		screenshot(this.reader, "article-teaser");
		enter.click();
		waitFor(this.reader).until(ExpectedConditions.urlContains("/journey/" + ZONE + "?article=1"));

		// 2. agreement
		waitForHeading(this.reader, "壹生身份认证协议书", WAIT);
		assertThat(this.reader.findElement(By.cssSelector("button[name=choice][value=refuse]")).getText())
			.isEqualTo("拒绝");
		screenshot(this.reader, "agreement");
		WebElement agree = this.reader.findElement(By.cssSelector("button[name=choice][value=agree]"));
		assertThat(agree.getText()).isEqualTo("同意");
		agree.click();

		// 3. informed consent
		waitForHeading(this.reader, "知情同意书", WAIT);
		assertThat(this.reader.findElement(By.cssSelector("button[name=choice][value=skip]")).getText())
			.isEqualTo("不同意并跳过");
		screenshot(this.reader, "informed-consent");
		agree = this.reader.findElement(By.cssSelector("button[name=choice][value=agree]"));
		assertThat(agree.getText()).isEqualTo("同意");
		agree.click();

		// 4. credentials with a licence photo
		waitForHeading(this.reader, "完善信息", WAIT);
		assertThat(this.reader.findElements(By.cssSelector(".rejected"))).isEmpty();
		type(this.reader, By.id("realName"), realName);
		type(this.reader, By.id("hospital"), "北京协和医院");
		choosePhysician(this.reader, "主治医师", "重症医学科");
		String licence = "1101" + String.format("%08d", Math.floorMod(suffix.hashCode(), 100_000_000));
		type(this.reader, By.id("licenceNumber"), licence);
		this.reader.findElement(By.id("photo")).sendKeys(photo.toAbsolutePath().toString());
		screenshot(this.reader, "credentials-filled");
		submitMainForm(this.reader);

		// 5. in review: the page asks where the journey stands and reloads itself when it
		// moves
		waitForHeading(this.reader, "工作人员正在审核中,", WAIT);
		assertThat(this.reader.findElement(By.id("journey-waiting")).getAttribute("data-status-url"))
			.endsWith("/journey/" + ZONE + "/status");
		screenshot(this.reader, "in-review");

		// 6. the reviewer signs in to Tasklist, claims the task, sees the photo, rejects
		Task firstReview = awaitReviewTask(readerId, null);
		signInToTasklist();
		openTaskInTasklist(firstReview);
		claimInTasklist(firstReview);
		assertPhotoShownInForm(firstReview, "tasklist-review-1");
		chooseInForm("退回修改(可重新提交)");
		WebElement reason = waitFor(this.reviewer).until(ExpectedConditions.elementToBeClickable(
				By.xpath("//div[contains(@class,'fjs-container')]//label[normalize-space(.)='照片无法辨认']")));
		// the form is taller than the window: the footer would take the click
		((JavascriptExecutor) this.reviewer).executeScript("arguments[0].scrollIntoView({block: 'center'});", reason);
		reason.click();
		String note = "请上传清晰的执业证书照片(" + suffix + ")";
		WebElement noteField = this.reviewer.findElement(By.cssSelector(".fjs-container textarea"));
		noteField.sendKeys(note);
		screenshot(this.reviewer, "tasklist-rejecting");
		completeInTasklist(firstReview, "tasklist-rejected");

		// 7. the reader's page updates by itself: rejected, prefilled; resubmit without a
		// file
		waitFor(this.reader, SELF_REFRESH)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".rejected h2")));
		WebElement rejected = this.reader.findElement(By.cssSelector(".rejected"));
		assertThat(rejected.findElement(By.tagName("h2")).getText()).isEqualTo("审核未通过");
		assertThat(rejected.findElements(By.tagName("li"))).extracting(WebElement::getText).containsExactly("照片无法辨认");
		assertThat(rejected.findElement(By.cssSelector("p.note")).getText()).isEqualTo(note);
		assertThat(this.reader.findElement(By.tagName("h1")).getText()).isEqualTo("完善信息");
		assertThat(this.reader.findElement(By.id("realName")).getDomProperty("value")).isEqualTo(realName);
		assertThat(this.reader.findElement(By.id("licenceNumber")).getDomProperty("value")).isEqualTo(licence);
		assertThat(this.reader.findElement(By.id("photo")).getDomProperty("value")).isEmpty();
		WebElement resubmit = this.reader.findElement(By.cssSelector("main form button[type=submit]"));
		assertThat(resubmit.getText()).isEqualTo("重新提交");
		screenshot(this.reader, "rejected-prefilled");
		resubmit.click();
		waitForHeading(this.reader, "工作人员正在审核中,", WAIT);
		screenshot(this.reader, "in-review-again");

		// the reviewer approves the second submission (the photo was kept)
		Task secondReview = awaitReviewTask(readerId, firstReview.getId());
		openTaskInTasklist(secondReview);
		claimInTasklist(secondReview);
		assertPhotoShownInForm(secondReview, "tasklist-review-2");
		chooseInForm("通过");
		assertThat(this.reviewer
			.findElements(By.xpath("//div[contains(@class,'fjs-container')]//label[normalize-space(.)='照片无法辨认']")))
			.as("rejection reasons are hidden once the decision is 通过")
			.isEmpty();
		screenshot(this.reviewer, "tasklist-approving");
		completeInTasklist(secondReview, "tasklist-approved");

		// 8. the zone's questions (收集问题), then staff review the answers
		waitFor(this.reader, SELF_REFRESH).until(d -> {
			return "收集问题".equals(heading(d));
		});
		WebElement choice = this.reader
			.findElement(By.xpath("//label[contains(@class,'choice')][normalize-space(.)='医师']"));
		choice.click();
		this.reader.findElement(By.cssSelector(".question textarea")).sendKeys("免疫监测的最佳时机");
		screenshot(this.reader, "questions");
		WebElement confirm = this.reader.findElement(By.cssSelector("main form button[type=submit]"));
		assertThat(confirm.getText()).isEqualTo("确定");
		confirm.click();
		waitForHeading(this.reader, "工作人员正在审核中,", WAIT);

		Task informationReview = waitFor(this.taskService).until(ts -> ts.createTaskQuery()
			.taskDefinitionKey("review-information")
			.processInstanceBusinessKey(readerId + ":" + ZONE)
			.singleResult());
		openTaskInTasklist(informationReview);
		claimInTasklist(informationReview);
		WebElement answersLink = waitFor(this.reviewer).until(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector(".fjs-container a[href*='/staff/answers/']")));
		assertThat(answersLink.getAttribute("href"))
			.endsWith("/staff/answers/" + this.taskService.getVariable(informationReview.getId(), "answerSetId"));
		chooseInForm("通过");
		screenshot(this.reviewer, "tasklist-information-approving");
		completeInTasklist(informationReview, "tasklist-information-approved");

		// 9. passed, a countdown from 5, then the full article by itself
		waitFor(this.reader, SELF_REFRESH).until(d -> {
			return "您已通过HCP身份认证和信息审核".equals(heading(d));
		});
		List<Integer> countdown = new ArrayList<>();
		String first = this.reader.findElement(By.id("countdown")).getText();
		countdown.add(Integer.valueOf(first));
		assertThat(this.reader.findElement(By.id("countdown")).getAttribute("data-target")).endsWith("/articles/1");
		screenshot(this.reader, "passed-countdown");
		waitFor(this.reader, Duration.ofSeconds(15)).until(d -> {
			if (d.getCurrentUrl().endsWith("/articles/1")) {
				return true;
			}
			List<WebElement> counter = d.findElements(By.id("countdown"));
			if (!counter.isEmpty()) {
				try {
					int value = Integer.parseInt(counter.get(0).getText().trim());
					if (value != countdown.get(countdown.size() - 1)) {
						countdown.add(value);
					}
				}
				catch (RuntimeException pageChanging) {
					// the countdown has just left the page
				}
			}
			return false;
		});
		System.out.println("Countdown seen by the reader: " + countdown);
		assertThat(countdown.get(0)).as("countdown %s", countdown).isEqualTo(5);
		assertThat(countdown).as("countdown goes down one by one").isSortedAccordingTo(Comparator.reverseOrder());
		assertThat(countdown).as("countdown %s", countdown).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(4);

		waitFor(this.reader).until(ExpectedConditions.visibilityOfElementLocated(By.tagName("figcaption")));
		assertThat(this.reader.getCurrentUrl()).endsWith("/articles/1");
		assertThat(this.reader.findElement(By.tagName("h1")).getText()).startsWith("北京站|脓毒症");
		assertThat(this.reader.findElements(By.tagName("figcaption"))).extracting(WebElement::getText).contains("会议现场");
		assertThat(this.reader.findElements(By.id("enter-zone"))).isEmpty();
		assertThat(this.reader.findElements(By.cssSelector("article.gated, p.teaser"))).isEmpty();
		screenshot(this.reader, "article-full");
		((JavascriptExecutor) this.reader).executeScript("arguments[0].scrollIntoView({block: 'center'});",
				this.reader.findElement(By.tagName("figcaption")));
		screenshot(this.reader, "article-full-figure");
	}

	// ---- Tasklist
	// ------------------------------------------------------------------------

	private void signInToTasklist() {
		this.reviewer.get(url("/camunda/app/tasklist/"));
		By user = By.cssSelector("input[ng-model=username]");
		waitFor(this.reviewer).until(ExpectedConditions.visibilityOfElementLocated(user));
		screenshot(this.reviewer, "tasklist-login");
		type(this.reviewer, user, REVIEWER);
		type(this.reviewer, By.cssSelector("input[ng-model=password]"), REVIEWER);
		this.reviewer.findElement(By.cssSelector("form button[type=submit]")).click();
		waitFor(this.reviewer).until(ExpectedConditions.invisibilityOfElementLocated(user));
		waitFor(this.reviewer).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[cam-tasks]")));
		screenshot(this.reviewer, "tasklist-signed-in");
	}

	/**
	 * Opens the task from Tasklist's list, as a reviewer would: the filter "待审核" that the
	 * application creates at start-up lists it.
	 */
	private void openTaskInTasklist(Task task) {
		// The filter "待审核" (created at start-up) must list the task. Other tests of this
		// JVM
		// leave open reviews too, and the filter shows the oldest first, a page at a
		// time: so
		// the reviewer selects the filter and opens the task by its link within the
		// filter.
		Filter openReviews = this.filterService.createFilterQuery().filterName("待审核").singleResult();
		assertThat(openReviews).as("filter 待审核").isNotNull();
		assertThat(this.filterService.list(openReviews.getId())).extracting(t -> ((Task) t).getId())
			.contains(task.getId());
		this.reviewer.get(url("/camunda/app/tasklist/default/#/?filter=" + openReviews.getId()));
		By selected = By.xpath("//div[contains(@class,'task-filter') and contains(@class,'active')]"
				+ "//h4[contains(@class,'name')]/a[contains(normalize-space(.),'待审核')]");
		waitFor(this.reviewer, Duration.ofSeconds(40)).until(ExpectedConditions.visibilityOfElementLocated(selected));
		screenshot(this.reviewer, "tasklist-list");
		this.reviewer
			.get(url("/camunda/app/tasklist/default/#/?filter=" + openReviews.getId() + "&task=" + task.getId()));
		waitFor(this.reviewer, Duration.ofSeconds(40)).until(ExpectedConditions
			.textToBePresentInElementLocated(By.cssSelector(".task-card h2.task"), task.getName()));
	}

	private void claimInTasklist(Task task) {
		if (REVIEWER.equals(this.taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee())) {
			// a resubmission comes back to the reviewer who sent it back: already theirs
			screenshot(this.reviewer, "tasklist-task-assigned");
			return;
		}
		WebElement claim = waitFor(this.reviewer)
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim")));
		screenshot(this.reviewer, "tasklist-task");
		claim.click();
		waitFor(this.reviewer).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
		waitFor(this.taskService)
			.until(ts -> REVIEWER.equals(ts.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()));
	}

	private void assertPhotoShownInForm(Task task, String name) {
		Object submissionId = this.taskService.getVariable(task.getId(), "submissionId");
		assertThat(submissionId).isNotNull();
		By photo = By.cssSelector(".fjs-container img[src*='/staff/submissions/']");
		WebElement image = waitFor(this.reviewer).until(ExpectedConditions.presenceOfElementLocated(photo));
		waitFor(this.reviewer).until(d -> d.findElement(photo)
			.getAttribute("src")
			.endsWith("/staff/submissions/" + submissionId + "/photo"));
		waitFor(this.reviewer).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
			.executeScript("var i = arguments[0]; return i.complete && i.naturalWidth > 0;", d.findElement(photo))));
		image = this.reviewer.findElement(photo);
		Object width = ((JavascriptExecutor) this.reviewer).executeScript("return arguments[0].naturalWidth;", image);
		assertThat(((Number) width).intValue()).isEqualTo(64);
		assertThat(this.reviewer.findElement(By.cssSelector(".fjs-container")).getText())
			.contains("第 " + this.taskService.getVariable(task.getId(), "attempt") + " 次提交");
		((JavascriptExecutor) this.reviewer).executeScript("arguments[0].scrollIntoView({block: 'center'});", image);
		screenshot(this.reviewer, name);
	}

	private void chooseInForm(String label) {
		WebElement option = waitFor(this.reviewer).until(ExpectedConditions.elementToBeClickable(
				By.xpath("//div[contains(@class,'fjs-container')]//label[normalize-space(.)='" + label + "']")));
		((JavascriptExecutor) this.reviewer).executeScript("arguments[0].scrollIntoView({block: 'center'});", option);
		option.click();
	}

	private void completeInTasklist(Task task, String name) {
		By button = By.cssSelector("button[ng-click='complete()']");
		WebElement complete = waitFor(this.reviewer).until(ExpectedConditions.elementToBeClickable(button));
		((JavascriptExecutor) this.reviewer).executeScript("arguments[0].scrollIntoView({block: 'center'});", complete);
		waitFor(this.reviewer).until(ExpectedConditions.elementToBeClickable(button)).click();
		waitFor(this.taskService)
			.until(ts -> ts.createTaskQuery().taskId(task.getId()).count() == 0 ? Boolean.TRUE : null);
		waitFor(this.reviewer).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".fjs-container")));
		screenshot(this.reviewer, name);
	}

	/** The open review of this reader: created by the job executor, so waited for. */
	private Task awaitReviewTask(String readerId, String notThisOne) {
		return waitFor(this.taskService).until(ts -> {
			List<Task> tasks = ts.createTaskQuery()
				.taskDefinitionKey(REVIEW_TASK)
				.taskCandidateGroup(REVIEWERS)
				.includeAssignedTasks()
				.processVariableValueEquals("readerId", readerId)
				.list();
			return tasks.stream()
				.filter(t -> !t.getId().equals(notThisOne))
				.filter(t -> "审核资质".equals(t.getName()))
				.findFirst()
				.orElse(null);
		});
	}

}
