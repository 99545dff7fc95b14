package org.hcpgate.support;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Debian's chromedriver: the one way every browser
 * test starts a browser. Nothing downloads a browser of its own (Selenium Manager is
 * never asked: both paths are given). Override the paths with
 * {@code -Dhcpgate.chromium=...} and {@code -Dhcpgate.chromedriver=...}; a missing one
 * fails the test with the way to install it.
 */
public final class Chromium {

	private Chromium() {
	}

	public static ChromeDriver start(Path profile, int width, int height, String language, File log) {
		File chromium = new File(System.getProperty("hcpgate.chromium", "/usr/bin/chromium"));
		File chromedriver = new File(System.getProperty("hcpgate.chromedriver", "/usr/bin/chromedriver"));
		if (!chromium.canExecute()) {
			fail("Chromium is needed for this browser test and was not found at " + chromium
					+ " (install it, e.g. `apt-get install chromium chromium-driver`, or set -Dhcpgate.chromium=<path>)");
		}
		if (!chromedriver.canExecute()) {
			fail("chromedriver is needed for this browser test and was not found at " + chromedriver
					+ " (install it, e.g. `apt-get install chromium-driver`, or set -Dhcpgate.chromedriver=<path>)");
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium);
		// no background networking: this machine's network is closed, and the tests talk
		// to
		// localhost only
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=" + width + "," + height, "--lang=" + language,
				"--user-data-dir=" + profile);
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
			.usingAnyFreePort()
			.withLogFile(log)
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return driver;
	}

}
