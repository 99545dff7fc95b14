package org.hcpgate.browser;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.camunda.bpm.engine.TaskService;
import org.hcpgate.support.Chromium;
import org.hcpgate.support.PostgresIntegrationTest;
import org.hcpgate.support.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the browser tests share: headless Debian Chromium driven by Debian's chromedriver
 * ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}; override with
 * {@code -Dhcpgate.chromium=...} and {@code -Dhcpgate.chromedriver=...}; they fail, never
 * skip, when missing; Selenium Manager is never used), waits that survive pages reloading
 * themselves, and screenshots of every page to
 * {@code target/screenshots/<scenario>-NN-<name>.png}.
 */
abstract class BrowserTestSupport extends PostgresIntegrationTest {

	static final Duration WAIT = Duration.ofSeconds(20);

	static final Duration POLL = Duration.ofMillis(100);

	static final Path SCREENSHOTS = Paths.get("target", "screenshots");

	static final Path BROWSER_LOGS = Paths.get("target", "browser-logs");

	@LocalServerPort
	int port;

	private final List<WebDriver> drivers = new ArrayList<>();

	private final List<Path> temporary = new ArrayList<>();

	private String scenario = "browser";

	private int screenshotNumber;

	/** Names the screenshots of what follows, and removes those of an earlier run. */
	void scenario(String name) throws IOException {
		this.scenario = name;
		this.screenshotNumber = 0;
		Files.createDirectories(SCREENSHOTS);
		Files.createDirectories(BROWSER_LOGS);
		try (Stream<Path> old = Files.list(SCREENSHOTS)) {
			for (Path file : old.filter(p -> p.getFileName().toString().startsWith(name + "-")).toList()) {
				Files.deleteIfExists(file);
			}
		}
	}

	@AfterEach
	void quitBrowsers() {
		for (WebDriver driver : this.drivers) {
			try {
				driver.quit();
			}
			catch (RuntimeException ex) {
				System.err.println("Could not quit a browser: " + ex);
			}
		}
		this.drivers.clear();
		for (Path path : this.temporary) {
			deleteRecursively(path);
		}
		this.temporary.clear();
	}

	ChromeDriver startChrome(String name) throws IOException {
		return startChrome(name, 1280, 1000, "zh-CN");
	}

	ChromeDriver startChrome(String name, int width, int height, String language) throws IOException {
		Files.createDirectories(BROWSER_LOGS);
		Path profile = Files.createTempDirectory("hcpgate-chrome-" + name + "-");
		this.temporary.add(profile);
		ChromeDriver driver = Chromium.start(profile, width, height, language,
				BROWSER_LOGS.resolve("chromedriver-" + this.scenario + "-" + name + ".log").toFile());
		this.drivers.add(driver);
		return driver;
	}

	String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	static WebDriverWait waitFor(WebDriver driver) {
		return waitFor(driver, WAIT);
	}

	static WebDriverWait waitFor(WebDriver driver, Duration timeout) {
		WebDriverWait wait = new WebDriverWait(driver, timeout, POLL);
		// pages that refresh or leave by themselves replace the elements being looked at
		wait.ignoring(StaleElementReferenceException.class);
		return wait;
	}

	static FluentWait<TaskService> waitFor(TaskService tasks) {
		return new FluentWait<>(tasks).withTimeout(WAIT).pollingEvery(Duration.ofMillis(200));
	}

	static void waitForHeading(WebDriver driver, String text) {
		waitForHeading(driver, text, WAIT);
	}

	static void waitForHeading(WebDriver driver, String text, Duration timeout) {
		waitFor(driver, timeout).withMessage(() -> "h1 \"" + text + "\" on " + driver.getCurrentUrl())
			.until(d -> text.equals(heading(d)));
	}

	/**
	 * The page's first h1, or "" while the page is being replaced (a self-refreshing page
	 * can drop the element between finding and reading it).
	 */
	static String heading(WebDriver driver) {
		try {
			List<WebElement> headings = driver.findElements(By.tagName("h1"));
			return headings.isEmpty() ? "" : headings.get(0).getText();
		}
		catch (org.openqa.selenium.WebDriverException pageChanging) {
			return "";
		}
	}

	static void type(WebDriver driver, By field, String text) {
		WebElement element = waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(field));
		element.clear();
		element.sendKeys(text);
	}

	/** Chooses an option of a list by the text a reader sees. */
	static void choose(WebDriver driver, By list, String visibleText) {
		WebElement element = waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(list));
		new org.openqa.selenium.support.ui.Select(element).selectByVisibleText(visibleText);
	}

	/** 执业类别 医师, 职称, 科室 as a physician chooses them. */
	static void choosePhysician(WebDriver driver, String title, String department) {
		choose(driver, By.id("profession"), "医师");
		choose(driver, By.id("professionalTitle"), title);
		choose(driver, By.id("department"), department);
	}

	static void submitMainForm(WebDriver driver) {
		driver.findElement(By.cssSelector("main form button[type=submit]")).click();
	}

	/** Signs in through the site's own form. */
	void signIn(WebDriver driver, String username, String password) {
		driver.get(url("/login"));
		type(driver, By.id("username"), username);
		type(driver, By.id("password"), password);
		submitMainForm(driver);
		waitFor(driver).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	void screenshot(WebDriver driver, String name) {
		this.screenshotNumber++;
		Path target = SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", this.scenario, this.screenshotNumber, name));
		try {
			File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
			Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException | RuntimeException ex) {
			System.err.println("Could not save screenshot " + target + ": " + ex);
		}
	}

	/** A screenshot and the page source of a browser, when a scenario fails. */
	void evidence(WebDriver driver, String name) {
		if (driver == null) {
			return;
		}
		try {
			screenshot(driver, name);
			Files.writeString(SCREENSHOTS.resolve(this.scenario + "-" + name + ".html"),
					Optional.ofNullable(driver.getCurrentUrl()).orElse("") + "\n" + driver.getPageSource(),
					StandardCharsets.UTF_8);
		}
		catch (IOException | RuntimeException ex) {
			System.err.println("Could not save the page of " + name + ": " + ex);
		}
	}

	/** A real, small PNG: the licence photo the reader uploads. */
	Path writePng() throws IOException {
		Path file = Files.createTempFile("licence-", ".png");
		this.temporary.add(file);
		Files.write(file, TestImages.png());
		return file;
	}

	private static void deleteRecursively(Path path) {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(path)) {
			walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException ex) {
			System.err.println("Could not delete " + path + ": " + ex);
		}
	}

}
