package org.hcpgate.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.hcpgate.review.ReviewDecision;
import org.hcpgate.review.ReviewDecisionRepository;
import org.hcpgate.support.Browser;
import org.hcpgate.support.JourneyDriver;
import org.hcpgate.support.JourneyDriver.Submitted;
import org.hcpgate.support.PostgresIntegrationTest;
import org.hcpgate.support.Reviewer;
import org.hcpgate.support.Tasklist;
import org.hcpgate.verification.HcpVerification;
import org.hcpgate.verification.HcpVerificationService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Reviewers and a lead in real browsers (headless Debian Chromium): a reviewer signs in
 * to Tasklist, opens 待审核, sees the submission card and the licence photo in the Camunda
 * Form, cannot send a rejection without a reason, sends it back with one; the
 * resubmission comes back to the same reviewer's 我的, who rejects it finally, cannot
 * confirm that themselves; the lead confirms it, then reads the decisions and the
 * dashboard. The reader's side goes through the site's services (JourneyBrowserTest
 * drives it in a browser). Screenshots: {@code target/screenshots/review-NN-<name>.png}.
 */
class ReviewBrowserTest extends PostgresIntegrationTest {

	static final String PREFIX = "review";

	static final String REVIEWER = "demo-reviewer";

	static final String LEAD = "demo-lead";

	static final By PHOTO = By.cssSelector(".fjs-container img[src$='/photo']");

	static final By CARD = By.cssSelector(".fjs-container img[src$='/card.svg']");

	@LocalServerPort
	int port;

	@Autowired
	JourneyDriver journeys;

	@Autowired
	Reviewer reviewer;

	@Autowired
	TaskService taskService;

	@Autowired
	FilterService filterService;

	@Autowired
	HcpVerificationService verifications;

	@Autowired
	ReviewDecisionRepository decisions;

	private final AtomicInteger screenshots = new AtomicInteger();

	private Browser reviewerBrowser;

	private Browser leadBrowser;

	@BeforeEach
	void startBrowsers() throws Exception {
		Browser.clearScreenshots(PREFIX);
		this.reviewerBrowser = Browser.start("reviewer", PREFIX, this.screenshots, this.port);
		this.leadBrowser = Browser.start("lead", PREFIX, this.screenshots, this.port);
	}

	@AfterEach
	void quitBrowsers() {
		this.reviewerBrowser.close();
		this.leadBrowser.close();
	}

	@Test
	void aReviewerRejectsWithAReasonAndALeadConfirmsTheFinalRejection() throws Exception {
		try {
			review();
		}
		catch (Throwable failure) {
			this.reviewerBrowser.evidence("FAILED-reviewer");
			this.leadBrowser.evidence("FAILED-lead");
			throw failure;
		}
	}

	private void review() {
		Submitted submitted = this.journeys.newSubmission("张医生");
		Task first = submitted.review();
		Tasklist reviewer = new Tasklist(this.reviewerBrowser);

		// 1. the reviewer opens 待审核, claims the review, sees the card and the photo
		reviewer.signIn(REVIEWER, REVIEWER);
		this.reviewerBrowser.screenshot("tasklist-signed-in");
		reviewer.openFilter("待审核");
		this.reviewerBrowser.screenshot("open-reviews");
		reviewer.openTask(first);
		reviewer.claim();
		reviewer.waitUntilClaimed();
		assertThat(this.taskService.createTaskQuery().taskId(first.getId()).singleResult().getAssignee())
			.isEqualTo(REVIEWER);
		assertImagesShown(this.reviewerBrowser, submitted);
		assertThat(this.reviewerBrowser.driver().findElement(Tasklist.FORM).getText()).contains("第 1 次提交");
		this.reviewerBrowser.screenshot("form-with-photo");

		// 2. a rejection without a reason cannot be sent
		reviewer.choose("退回修改(可重新提交)");
		reviewer.write("给读者的说明", "请上传清晰的执业证书照片");
		reviewer.clickComplete();
		WebElement required = this.reviewerBrowser.visible(
				By.xpath("//div[contains(@class,'fjs-form-field-error')][contains(normalize-space(.),'required')]"));
		this.reviewerBrowser.scrollTo(required);
		this.reviewerBrowser.screenshot("rejection-without-reason-refused");
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.until(() -> this.taskService.createTaskQuery().taskId(first.getId()).count() == 1);

		// 3. with a reason and an internal note it goes
		reviewer.choose("照片无法辨认");
		reviewer.write("内部备注", "照片反光,疑似翻拍");
		this.reviewerBrowser.screenshot("rejecting-with-reason");
		reviewer.clickComplete();
		await().atMost(Browser.WAIT).until(() -> this.taskService.createTaskQuery().taskId(first.getId()).count() == 0);
		this.reviewerBrowser.screenshot("rejected");
		assertThat(this.decisions.existsByTaskId(first.getId())).isTrue();

		// 4. the reader corrects the name; the resubmission is back in the reviewer's 我的
		Submitted again = submitted.resubmit(this.journeys, "张医生(更正)", false);
		Task second = again.review();
		assertThat(second.getAssignee()).isEqualTo(REVIEWER);
		String mine = this.filterService.createFilterQuery()
			.filterName("我的")
			.filterOwner(REVIEWER)
			.singleResult()
			.getId();
		reviewer.openFilterById(mine);
		this.reviewerBrowser.screenshot("mine");
		reviewer.openTask(second);
		assertImagesShown(this.reviewerBrowser, again);
		assertThat(this.reviewerBrowser.driver().findElement(Tasklist.FORM).getText()).contains("第 2 次提交");
		this.reviewerBrowser.screenshot("resubmission-changes-highlighted");

		// 5. the reviewer rejects it finally: it waits for a lead
		reviewer.choose("最终拒绝(需另一位组长确认)");
		reviewer.choose("非医疗卫生专业人士");
		reviewer.write("给读者的说明", "经核实非医疗卫生专业人士");
		this.reviewerBrowser.screenshot("rejecting-finally");
		reviewer.clickComplete();
		Task confirmation = this.reviewer.reviewTask(submitted.readerId(), "confirm-final-rejection");
		assertThat(this.verifications.find(submitted.readerId()).orElseThrow().getStatus())
			.isEqualTo(HcpVerification.Status.IN_REVIEW);

		// 6. four-eyes: the confirmation is the leads' (a reviewer who is no lead does
		// not even
		// see it; a lead who decided it is refused: ReviewPostgresTest)
		assertThat(this.taskService.createTaskQuery()
			.taskId(confirmation.getId())
			.taskCandidateGroup("hcp-review-leads")
			.count()).isEqualTo(1);

		// 7. the lead confirms it
		Tasklist lead = new Tasklist(this.leadBrowser);
		lead.signIn(LEAD, LEAD);
		lead.openFilter("待审核");
		this.leadBrowser.screenshot("lead-open-reviews");
		lead.openTask(confirmation);
		lead.claim();
		lead.waitUntilClaimed();
		assertImagesShown(this.leadBrowser, again);
		assertThat(this.leadBrowser.driver().findElement(Tasklist.FORM).getText()).contains(REVIEWER)
			.contains("经核实非医疗卫生专业人士");
		lead.choose("确认最终拒绝");
		lead.write("组长备注", "同意最终拒绝");
		this.leadBrowser.screenshot("lead-confirming");
		lead.clickComplete();
		await().atMost(Browser.WAIT)
			.until(() -> this.taskService.createTaskQuery().taskId(confirmation.getId()).count() == 0);
		this.leadBrowser.screenshot("lead-confirmed");
		await().atMost(Browser.WAIT)
			.until(() -> this.verifications.find(submitted.readerId()).orElseThrow().getStatus(),
					HcpVerification.Status.REJECTED_FINAL::equals);
		List<ReviewDecision> audited = this.decisions
			.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(first.getProcessInstanceId());
		assertThat(audited).extracting(ReviewDecision::getDecision)
			.containsExactly("rejected", "rejected-final", "confirmed");
		assertThat(audited).extracting(ReviewDecision::getDecidedBy).containsExactly(REVIEWER, REVIEWER, LEAD);

		// 8. the lead reads the decisions and the dashboard
		this.leadBrowser.open("/staff/decisions");
		WebElement table = this.leadBrowser.visible(By.id("decisions"));
		assertThat(table.getText()).contains("照片反光,疑似翻拍").contains("同意最终拒绝");
		this.leadBrowser.screenshot("decisions");
		this.leadBrowser.open("/staff/dashboard");
		this.leadBrowser.visible(By.id("approval-rate"));
		assertThat(this.leadBrowser.driver().findElements(By.cssSelector("svg.chart rect.bar"))).isNotEmpty();
		this.leadBrowser.screenshot("dashboard");
	}

	private void assertImagesShown(Browser browser, Submitted submitted) {
		for (By image : List.of(PHOTO, CARD)) {
			browser.waitFor()
				.until(d -> d.findElement(image)
					.getAttribute("src")
					.contains("/staff/submissions/" + submitted.submission().getId() + "/"));
			browser.waitFor().until(d -> browser.loaded(d.findElement(image)));
		}
		assertThat(browser.naturalWidth(browser.driver().findElement(PHOTO))).isEqualTo(64);
		browser.scrollTo(browser.driver().findElement(CARD));
	}

}
