package org.hcpgate.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.hcpgate.articles.ArticleRepository;
import org.hcpgate.partners.PartnerForm;
import org.hcpgate.partners.PartnerSites;
import org.hcpgate.readers.Reader;
import org.hcpgate.support.Readers;
import org.hcpgate.verification.HcpVerificationService;
import org.hcpgate.zones.Zone;
import org.hcpgate.zones.ZoneRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import demo.partner.DemoPartnerApplication;

/**
 * A partner site signs readers in through HCP Gate, in a real browser: the demo partner
 * (a Spring Boot application with Spring Security's OAuth 2.0 client, started here on
 * 127.0.0.1) and HCP Gate (localhost), so each keeps its own cookies as two sites do.
 */
class PartnerSignInBrowserTest extends BrowserTestSupport {

	static final String PASSWORD = "secret-password";

	static final String SECRET = "browser-partner-secret";

	@Autowired
	PartnerSites sites;

	@Autowired
	Readers readers;

	@Autowired
	HcpVerificationService verifications;

	@Autowired
	ZoneRepository zones;

	@Autowired
	ArticleRepository articles;

	@Autowired
	TaskService taskService;

	ConfigurableApplicationContext partner;

	String partnerUrl;

	String zone;

	@BeforeEach
	void startPartner() {
		this.zone = "z" + UUID.randomUUID().toString().substring(0, 8);
		this.zones.save(new Zone(this.zone, "合作网站测试专区 " + this.zone, "测试协议", "测试协议正文:仅面向医疗卫生专业人士。", 1));
		PartnerForm form = new PartnerForm();
		form.setClientId("b" + UUID.randomUUID().toString().substring(0, 8));
		form.setName("演示合作网站");
		form.setRedirectUris(List.of("http://127.0.0.1:8081/login/oauth2/code/hcp-gate"));
		form.setScopes(Set.of("openid", "hcp", "profession", "zones"));
		form.setZoneKeys(Set.of(this.zone));
		form.setNeedsVerifiedHcp(true);
		form.setJourneyZoneKey(this.zone);
		this.sites.save(form, "test-admin", SECRET);
		// any free port: HCP Gate accepts a loopback redirect URI on any port (RFC 8252)
		// the partner leaves this JVM's logging as HCP Gate set it up (tests read that
		// log)
		System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
		try {
			this.partner = DemoPartnerApplication.start(url(""), 0, form.getClientId(), SECRET);
		}
		finally {
			System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
		}
		int port = ((WebServerApplicationContext) this.partner).getWebServer().getPort();
		this.partnerUrl = "http://127.0.0.1:" + port;
	}

	@AfterEach
	void stopPartner() {
		if (this.partner != null) {
			this.partner.close();
		}
	}

	@Test
	void aVerifiedReaderConsentsSeesTheProfessionalsPageAndWithdraws() throws Exception {
		run("partner-consent", browser -> {
			Reader reader = this.readers.newReader();
			this.verifications.markVerified(reader.getReaderId(), "physician");
			toConsent(browser, reader);
			assertThat(browser.findElement(By.id("partner-consent")).getText()).contains("演示合作网站")
				.contains("您是否为已认证的医疗专业人士");
			screenshot(browser, "consent");
			browser.findElement(By.cssSelector("#agree button")).click();

			waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
			assertThat(browser.getCurrentUrl()).startsWith(this.partnerUrl + "/professionals");
			assertThat(browser.findElement(By.id("welcome")).getText()).contains("physician");
			assertThat(browser.findElement(By.id("zones")).getText()).contains(this.zone + "=false");
			screenshot(browser, "professionals");

			// withdrawal on HCP Gate's account page: the partner's next look is refused
			browser.get(url("/account"));
			waitFor(browser).until(ExpectedConditions.elementToBeClickable(By.id("partner-sites-link"))).click();
			waitFor(browser)
				.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#partners-in-force form button")))
				.click();
			waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.flash")));
			assertThat(browser.findElement(By.cssSelector("#partner-ledger")).getText()).contains("已撤回");
			screenshot(browser, "withdrawn");
			browser.get(this.partnerUrl + "/professionals");
			waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("no-longer-shared")));
			screenshot(browser, "partner-refused");
		});
	}

	@Test
	void aReaderWhoRefusesIsSentBackWithAccessDenied() throws Exception {
		run("partner-refusal", browser -> {
			Reader reader = this.readers.newReader();
			this.verifications.markVerified(reader.getReaderId(), "physician");
			toConsent(browser, reader);
			browser.findElement(By.cssSelector("#refuse button")).click();
			waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-error")));
			assertThat(browser.findElement(By.id("sign-in-error")).getText()).contains("access_denied");
			screenshot(browser, "access-denied");
		});
	}

	@Test
	void aReaderNotYetVerifiedGoesThroughTheJourneyAndLandsBackOnThePartner() throws Exception {
		run("partner-journey", browser -> {
			Reader reader = this.readers.newReader();
			browser.get(this.partnerUrl + "/professionals");
			signInAtGate(browser, reader);
			waitForHeading(browser, "需要医疗专业人士认证");
			screenshot(browser, "verification-needed");
			waitFor(browser).until(ExpectedConditions.elementToBeClickable(By.id("start-verification"))).click();

			waitForHeading(browser, "测试协议");
			waitFor(browser)
				.until(ExpectedConditions.elementToBeClickable(By.xpath("//main//button[normalize-space(.)='同意']")))
				.click();
			waitForHeading(browser, "完善信息");
			type(browser, By.id("realName"), "合作医生");
			type(browser, By.id("hospital"), "北京协和医院");
			choosePhysician(browser, "主治医师", "重症医学科");
			type(browser, By.id("licenceNumber"), "110108199001");
			browser.findElement(By.id("photo")).sendKeys(writePng().toString());
			submitMainForm(browser);
			waitForHeading(browser, "工作人员正在审核中,");
			screenshot(browser, "in-review");

			Task review = waitFor(this.taskService).until(tasks -> tasks.createTaskQuery()
				.taskDefinitionKey("review-credentials")
				.processInstanceBusinessKey(reader.getReaderId())
				.singleResult());
			this.taskService.complete(review.getId(), Map.of("decision", "approved"));

			waitForHeading(browser, "您已通过HCP身份认证和信息审核", Duration.ofSeconds(20));
			assertThat(browser.findElement(By.id("countdown")).getAttribute("data-target"))
				.contains("/partners/continue/");
			screenshot(browser, "passed");
			// the page's link (where the countdown goes by itself, JourneyBrowserTest's
			// subject) takes the reader back, and the partner asks for consent first
			WebElement onwards = browser.findElement(By.id("continue"));
			assertThat(onwards.getAttribute("href")).contains("/partners/continue/");
			onwards.click();
			waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("partner-consent")));
			browser.findElement(By.cssSelector("#agree button")).click();
			waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
			assertThat(browser.findElement(By.id("zones")).getText()).contains(this.zone + "=true");
			screenshot(browser, "professionals");
		});
	}

	private interface Scenario {

		void run(ChromeDriver browser) throws Exception;

	}

	/** A scenario in a browser of its own, with the page kept as evidence if it fails. */
	private void run(String name, Scenario scenario) throws Exception {
		scenario(name);
		ChromeDriver browser = startChrome("reader");
		try {
			scenario.run(browser);
		}
		catch (Throwable failure) {
			evidence(browser, "FAILED");
			throw failure;
		}
	}

	/** The partner's professionals page, HCP Gate's sign-in, and its consent page. */
	private void toConsent(WebDriver browser, Reader reader) {
		browser.get(this.partnerUrl + "/professionals");
		signInAtGate(browser, reader);
		waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("partner-consent")));
	}

	private void signInAtGate(WebDriver browser, Reader reader) {
		waitFor(browser).until(ExpectedConditions.urlContains("/login"));
		assertThat(browser.getCurrentUrl()).startsWith(url("/login"));
		type(browser, By.id("username"), reader.getUsername());
		type(browser, By.id("password"), PASSWORD);
		submitMainForm(browser);
		waitFor(browser).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

}
