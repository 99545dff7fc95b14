package org.hcpgate.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium driven by Debian's chromedriver, as in JourneyBrowserTest
 * ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver};
 * {@code -Dhcpgate.chromium=...}, {@code -Dhcpgate.chromedriver=...}); fails, never
 * skips, when they are missing; Selenium Manager is never used. Screenshots go to
 * {@code target/screenshots/<prefix>-NN-<name>.png}, numbered across the browsers of one
 * test.
 */
public final class Browser implements AutoCloseable {

	public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

	static final Path BROWSER_LOGS = Paths.get("target", "browser-logs");

	public static final Duration WAIT = Duration.ofSeconds(20);

	private final ChromeDriver driver;

	private final Path profile;

	private final String prefix;

	private final AtomicInteger numbers;

	private final int port;

	private Browser(ChromeDriver driver, Path profile, String prefix, AtomicInteger numbers, int port) {
		this.driver = driver;
		this.profile = profile;
		this.prefix = prefix;
		this.numbers = numbers;
		this.port = port;
	}

	/** Deletes the screenshots of an earlier run with this prefix. */
	public static void clearScreenshots(String prefix) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		try (Stream<Path> old = Files.list(SCREENSHOTS)) {
			for (Path file : old.filter(p -> p.getFileName().toString().startsWith(prefix + "-")).toList()) {
				Files.deleteIfExists(file);
			}
		}
	}

	public static Browser start(String name, String prefix, AtomicInteger numbers, int port) throws IOException {
		Files.createDirectories(BROWSER_LOGS);
		Path profile = Files.createTempDirectory("hcpgate-chrome-" + name + "-");
		ChromeDriver driver = Chromium.start(profile, 1280, 1100, "zh-CN",
				BROWSER_LOGS.resolve("chromedriver-" + prefix + "-" + name + ".log").toFile());
		return new Browser(driver, profile, prefix, numbers, port);
	}

	public ChromeDriver driver() {
		return this.driver;
	}

	public void open(String path) {
		this.driver.get("http://localhost:" + this.port + path);
	}

	public WebDriverWait waitFor() {
		return waitFor(WAIT);
	}

	public WebDriverWait waitFor(Duration timeout) {
		WebDriverWait wait = new WebDriverWait(this.driver, timeout, Duration.ofMillis(100));
		wait.ignoring(StaleElementReferenceException.class);
		return wait;
	}

	public WebElement visible(By by) {
		return waitFor().until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	public WebElement clickable(By by) {
		WebElement element = waitFor().until(ExpectedConditions.elementToBeClickable(by));
		scrollTo(element);
		return waitFor().until(ExpectedConditions.elementToBeClickable(by));
	}

	public void type(By field, String text) {
		WebElement element = visible(field);
		element.clear();
		element.sendKeys(text);
	}

	public void scrollTo(WebElement element) {
		((JavascriptExecutor) this.driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
	}

	/** Whether an image has loaded (a broken or refused one has no natural width). */
	public boolean loaded(WebElement image) {
		return Boolean.TRUE.equals(((JavascriptExecutor) this.driver)
			.executeScript("var i = arguments[0]; return i.complete && i.naturalWidth > 0;", image));
	}

	public int naturalWidth(WebElement image) {
		return ((Number) ((JavascriptExecutor) this.driver).executeScript("return arguments[0].naturalWidth;", image))
			.intValue();
	}

	public void screenshot(String name) {
		Path target = SCREENSHOTS
			.resolve(String.format("%s-%02d-%s.png", this.prefix, this.numbers.incrementAndGet(), name));
		try {
			Files.createDirectories(SCREENSHOTS);
			File shot = this.driver.getScreenshotAs(OutputType.FILE);
			Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException | RuntimeException ex) {
			System.err.println("Could not save screenshot " + target + ": " + ex);
		}
	}

	/** A screenshot and the page source, for a failed test. */
	public void evidence(String name) {
		try {
			screenshot(name);
			Files.writeString(SCREENSHOTS.resolve(this.prefix + "-" + name + ".html"),
					Optional.ofNullable(this.driver.getCurrentUrl()).orElse("") + "\n" + this.driver.getPageSource(),
					StandardCharsets.UTF_8);
		}
		catch (IOException | RuntimeException ex) {
			System.err.println("Could not save the page of " + name + ": " + ex);
		}
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		catch (RuntimeException ex) {
			System.err.println("Could not quit a browser: " + ex);
		}
		try (Stream<Path> walk = Files.walk(this.profile)) {
			walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException ex) {
			System.err.println("Could not delete " + this.profile + ": " + ex);
		}
	}

}
