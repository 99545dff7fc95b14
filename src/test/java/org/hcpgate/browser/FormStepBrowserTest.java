package org.hcpgate.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RuntimeService;
import org.hcpgate.processes.ZoneAccessProcess;
import org.hcpgate.readers.Reader;
import org.hcpgate.support.JourneyDriver;
import org.hcpgate.support.ModelDeployments;
import org.hcpgate.support.Readers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * A reader step a designer added from a Camunda Form, in a real browser: the variant is
 * deployed over REST as Camunda Modeler does, and the site renders its form in its own
 * look, in the reader's language, keeps what was typed when the form comes back, and
 * takes the document through the licence photo's checks.
 */
class FormStepBrowserTest extends BrowserTestSupport {

	static final String PASSWORD = "secret-password";

	@Autowired
	Readers readers;

	@Autowired
	JourneyDriver journeys;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RuntimeService runtime;

	@RegisterExtension
	ModelDeployments.Undeploy undeploy = new ModelDeployments.Undeploy();

	@Test
	void aReaderAnswersTheWorkBadgeStepInChromium() throws Exception {
		scenario("form-step");
		ResponseEntity<String> deployed = deploy();
		assertThat(deployed.getStatusCode().value()).as(deployed.getBody()).isEqualTo(200);
		String zone = this.journeys.newZone();
		Reader reader = this.readers.newReader();
		ChromeDriver browser = startChrome("reader");
		long started = System.nanoTime();
		try {
			signIn(browser, reader.getUsername(), PASSWORD);
			browser.get(url("/journey/" + zone));
			waitFor(browser).until(ExpectedConditions.elementToBeClickable(By.id("start-journey"))).click();
			button(browser, "同意").click();
			waitForHeading(browser, "补充信息");
			WebElement main = browser.findElement(By.tagName("main"));
			assertThat(main.getText()).contains("请上传您的工牌照片", "职业", "工号", "字母和数字,4 到 12 位", "工牌照片", "这是我本人的工牌")
				.doesNotContain("Profession", "|");
			screenshot(browser, "form");

			// mistakes: the messages under the fields, and what was typed is kept
			new Select(browser.findElement(By.name("badgeProfession"))).selectByVisibleText("药师");
			type(browser, By.name("employeeNumber"), "E1");
			submitMainForm(browser);
			waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".field-error")));
			String errors = browser.findElement(By.tagName("main")).getText();
			assertThat(errors).contains("请检查标出的内容", "至少 4 个字", "请上传文件", "此项必填");
			assertThat(browser.findElement(By.name("employeeNumber")).getAttribute("value")).isEqualTo("E1");
			assertThat(new Select(browser.findElement(By.name("badgeProfession"))).getFirstSelectedOption().getText())
				.isEqualTo("药师");
			screenshot(browser, "form-mistakes");

			// right: the badge is taken, the journey goes on to the credentials
			type(browser, By.name("employeeNumber"), "E12345");
			browser.findElement(By.name("workBadge")).sendKeys(writePng().toString());
			browser.findElement(By.name("badgeIsMine")).click();
			submitMainForm(browser);
			waitForHeading(browser, "完善信息");
			screenshot(browser, "credentials");
		}
		catch (Throwable failure) {
			evidence(browser, "FAILED");
			throw failure;
		}
		assertThat(this.runtime.getVariable(this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(ZoneAccessProcess.businessKey(reader.getReaderId(), zone))
			.singleResult()
			.getId(), "badgeProfession")).isEqualTo("pharmacist");
		System.out.printf("Browser scenario form-step: %.1f s%n", (System.nanoTime() - started) / 1e9);
	}

	private ResponseEntity<String> deploy() {
		return ModelDeployments.of()
			.variant("zone-access-work-badge.bpmn")
			.variant("work-badge.form")
			.shipped("processes/information-review.dmn")
			.shipped("forms/review-information.form")
			.deploy(this.rest, "work-badge variant", this.undeploy);
	}

	private static WebElement button(WebDriver browser, String text) {
		return waitFor(browser).until(
				ExpectedConditions.elementToBeClickable(By.xpath("//main//button[normalize-space(.)='" + text + "']")));
	}

}
