package org.hcpgate.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hcpgate.support.Chromium;
import org.hcpgate.support.NodeProcesses;
import org.hcpgate.support.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 12, the two-node test: two real HCP Gate processes ({@code java -jar}, as an
 * operator runs them) started at the same moment on one empty PostgreSQL, sharing only
 * the database and the keys. Both come up; a reader in a real browser goes through the
 * journey with every page taken from the other node than the one before (one session, in
 * the database), a reviewer decides over REST on the other node, the reader's photo
 * uploaded through one node is served by the other, and what must happen once happened
 * once (audit rows, notifications, groups, filters, grants). Bounded in time; stops
 * everything it started.
 */
class TwoNodesIT {

	static final String ZONE = "sepsis-immunotherapy";

	private final NodeProcesses nodes = new NodeProcesses();

	private final List<WebDriver> browsers = new ArrayList<>();

	@AfterEach
	void stopEverything() throws InterruptedException {
		for (WebDriver browser : this.browsers) {
			browser.quit();
		}
		this.nodes.stopAll();
	}

	@Test
	void twoNodesOnOneDatabaseServeOneJourneyBetweenThemAndDoEverythingOnce() throws Exception {
		// at the same moment, on an empty database
		this.nodes.start("node-a");
		this.nodes.start("node-b");
		this.nodes.awaitHealthy("node-a");
		this.nodes.awaitHealthy("node-b");
		String[] node = { this.nodes.url("node-a"), this.nodes.url("node-b") };

		// a reader: every step on the other node than the last one; cookies for localhost
		// go to both ports, so one session serves both nodes, from the database
		Files.createDirectories(NodeProcesses.LOGS);
		Path profile = Files.createTempDirectory("hcpgate-chrome-two-nodes-");
		ChromeDriver reader = Chromium.start(profile, 1280, 1000, "zh-CN",
				NodeProcesses.LOGS.resolve("chromedriver.log").toFile());
		this.browsers.add(reader);
		String username = "two" + UUID.randomUUID().toString().substring(0, 8);
		reader.get(node[0] + "/register");
		BrowserTestSupport.type(reader, By.id("username"), username);
		BrowserTestSupport.type(reader, By.id("displayName"), "两节点读者");
		BrowserTestSupport.type(reader, By.id("email"), username + "@example.org");
		BrowserTestSupport.type(reader, By.id("password"), "a-good-password");
		BrowserTestSupport.submitMainForm(reader);
		BrowserTestSupport.waitFor(reader).until(ExpectedConditions.urlContains("/login"));

		reader.get(node[1] + "/login");
		BrowserTestSupport.type(reader, By.id("username"), username);
		BrowserTestSupport.type(reader, By.id("password"), "a-good-password");
		BrowserTestSupport.submitMainForm(reader);
		BrowserTestSupport.waitFor(reader).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

		reader.get(node[0] + "/articles/1");
		BrowserTestSupport.waitFor(reader).until(ExpectedConditions.elementToBeClickable(By.id("enter-zone"))).click();
		button(reader, "拒绝");

		// the agreement, answered on the other node
		reader.get(node[1] + "/journey/" + ZONE + "?article=1");
		button(reader, "同意").click();
		button(reader, "不同意并跳过");

		// the informed consent, on the first again
		reader.get(node[0] + "/journey/" + ZONE + "?article=1");
		button(reader, "同意").click();
		BrowserTestSupport.waitForHeading(reader, "完善信息", BrowserTestSupport.WAIT);

		reader.get(node[1] + "/journey/" + ZONE + "?article=1");
		BrowserTestSupport.waitForHeading(reader, "完善信息", BrowserTestSupport.WAIT);
		BrowserTestSupport.type(reader, By.id("realName"), "双节点医生");
		BrowserTestSupport.type(reader, By.id("hospital"), "北京协和医院");
		BrowserTestSupport.choosePhysician(reader, "主治医师", "重症医学科");
		// a mistake first, on node B: the photo is kept with the session...
		BrowserTestSupport.type(reader, By.id("licenceNumber"), "12");
		Path photo = Files.createTempFile(profile, "licence-", ".png");
		Files.write(photo, TestImages.png());
		reader.findElement(By.id("photo")).sendKeys(photo.toString());
		BrowserTestSupport.submitMainForm(reader);
		BrowserTestSupport.waitFor(reader)
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("licenceNumber-error")));

		// ...which node A holds too: the half-filled form goes on there, photo and all
		reader.get(node[0] + "/journey/" + ZONE + "?article=1");
		BrowserTestSupport.waitForHeading(reader, "完善信息", BrowserTestSupport.WAIT);
		assertThat(loaded(reader, "#photo-thumbnail")).as("the pending photo, kept by node B, shown by node A")
			.isTrue();
		BrowserTestSupport.type(reader, By.id("realName"), "双节点医生");
		BrowserTestSupport.type(reader, By.id("hospital"), "北京协和医院");
		BrowserTestSupport.choosePhysician(reader, "主治医师", "重症医学科");
		BrowserTestSupport.type(reader, By.id("licenceNumber"), "110108199003");
		BrowserTestSupport.submitMainForm(reader);
		BrowserTestSupport.waitForHeading(reader, "工作人员正在审核中,", BrowserTestSupport.WAIT);
		String readerId = this.nodes.single("select id from reader_account where username = '" + username + "'");

		// the photo uploaded through node B, seen from node A (and B)
		reader.get(node[1] + "/account");
		assertThat(loaded(reader, "img[src*='/account/submissions/']")).isTrue();
		reader.get(node[0] + "/account");
		String thumbnail = BrowserTestSupport.waitFor(reader)
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("img[src*='/account/submissions/']")))
			.getAttribute("src");
		assertThat(thumbnail).startsWith(node[0]);
		Boolean loaded = (Boolean) reader
			.executeScript("var img = document.querySelector(\"img[src*='/account/submissions/']\");"
					+ "return img.complete && img.naturalWidth > 0;");
		assertThat(loaded).as("the thumbnail, stored through the other node, is served").isTrue();

		// the reviewer decides on node A over REST; the reader waits on node B
		reader.get(node[1] + "/journey/" + ZONE + "?article=1");
		String review = this.nodes.awaitStaffTask("node-a", "review-credentials", readerId, Duration.ofSeconds(30));
		assertThat(
				this.nodes.completeAsStaff("node-a", review, "{\"variables\":{\"decision\":{\"value\":\"approved\"}}}"))
			.isEqualTo(204);
		BrowserTestSupport.waitFor(reader, Duration.ofSeconds(30))
			.until(d -> "收集问题".equals(BrowserTestSupport.heading(d)));

		reader.get(node[0] + "/journey/" + ZONE + "?article=1");
		BrowserTestSupport.waitForHeading(reader, "收集问题", BrowserTestSupport.WAIT);
		reader.findElement(By.xpath("//label[contains(@class,'choice')][normalize-space(.)='医师']")).click();
		reader.findElement(By.cssSelector(".question textarea")).sendKeys("两个节点");
		BrowserTestSupport.submitMainForm(reader);
		BrowserTestSupport.waitForHeading(reader, "工作人员正在审核中,", BrowserTestSupport.WAIT);

		reader.get(node[1] + "/journey/" + ZONE + "?article=1");
		String information = this.nodes.awaitStaffTask("node-b", "review-information", readerId + ":" + ZONE,
				Duration.ofSeconds(30));
		assertThat(this.nodes.completeAsStaff("node-b", information,
				"{\"variables\":{\"decision\":{\"value\":\"approved\"}}}"))
			.isEqualTo(204);
		BrowserTestSupport.waitFor(reader, Duration.ofSeconds(30))
			.until(d -> BrowserTestSupport.heading(d).startsWith("您已通过"));

		// the article, in full, from the other node
		reader.get(node[0] + "/articles/1");
		BrowserTestSupport.waitFor(reader).until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
		assertThat(reader.findElements(By.id("enter-zone"))).as("let in: no teaser").isEmpty();
		assertThat(reader.findElements(By.cssSelector("p.teaser"))).as("let in: the body, not the teaser").isEmpty();

		// a reviewer's Tasklist session: signed in on node A, good on node B, and on node
		// A
		// again after it was stopped and started (SIGTERM, as in a rolling restart)
		HttpClient tasklist = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		HttpResponse<String> entry = tasklist.send(
				HttpRequest.newBuilder(URI.create(node[0] + "/camunda/app/tasklist/default/")).build(),
				HttpResponse.BodyHandlers.ofString());
		String xsrf = entry.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
		HttpResponse<String> signIn = tasklist
			.send(HttpRequest.newBuilder(URI.create(node[0] + "/camunda/api/admin/auth/user/default/login/tasklist"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("X-XSRF-TOKEN", xsrf)
				.POST(HttpRequest.BodyPublishers.ofString("username=demo-reviewer&password=demo-reviewer"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
		assertThat(whoAmI(tasklist, node[1])).contains("\"userId\":\"demo-reviewer\"");
		this.nodes.stop("node-a");
		this.nodes.start("node-a");
		this.nodes.awaitHealthy("node-a");
		assertThat(whoAmI(tasklist, node[0])).contains("\"userId\":\"demo-reviewer\"");

		// once, not twice: decisions, notifications, start-up's groups, filters and
		// grants
		assertThat(this.nodes.count("select count(*) from review_decision where reader_id = '" + readerId + "'"))
			.isEqualTo(2);
		assertThat(this.nodes.count("select count(*) from notification where reader_id = '" + readerId
				+ "' group by kind having count(*) > 1"))
			.isZero();
		assertThat(this.nodes.count("select count(*) from notification where reader_id = '" + readerId + "'"))
			.isPositive();
		assertThat(this.nodes.count(
				"select count(*) from act_id_group where id_ in ('hcp-reviewers', 'hcp-review-leads', 'camunda-admin')"))
			.isEqualTo(3);
		assertThat(this.nodes.count("select count(*) from (select name_ from act_ru_filter where owner_ is null "
				+ "group by name_ having count(*) > 1) twice"))
			.isZero();
		assertThat(this.nodes.count("select count(*) from (select group_id_, resource_type_, resource_id_ "
				+ "from act_ru_authorization where group_id_ is not null "
				+ "group by group_id_, resource_type_, resource_id_ having count(*) > 1) twice"))
			.isZero();
		assertThat(this.nodes.count("select count(*) from zone")).isEqualTo(1);
		assertThat(this.nodes.isAlive("node-a")).isTrue();
		assertThat(this.nodes.isAlive("node-b")).isTrue();
	}

	private static String whoAmI(HttpClient client, String node) throws Exception {
		return client
			.send(HttpRequest.newBuilder(URI.create(node + "/camunda/api/admin/auth/user/default")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
	}

	/** The image has loaded (waits for it a little). */
	private static boolean loaded(ChromeDriver browser, String selector) {
		return BrowserTestSupport.waitFor(browser)
			.until(d -> (Boolean) browser.executeScript("var img = document.querySelector(arguments[0]);"
					+ "return img != null && img.complete && img.naturalWidth > 0;", selector));
	}

	private static org.openqa.selenium.WebElement button(WebDriver browser, String text) {
		return BrowserTestSupport.waitFor(browser)
			.until(ExpectedConditions
				.elementToBeClickable(By.xpath("//main//button[normalize-space(.)='" + text + "']")));
	}

}
