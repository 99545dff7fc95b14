package org.hcpgate.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.task.Task;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** What a staff member does in Camunda Tasklist, in a {@link Browser}. */
public final class Tasklist {

	public static final By FORM = By.cssSelector(".fjs-container");

	private final Browser browser;

	public Tasklist(Browser browser) {
		this.browser = browser;
	}

	/**
	 * Signs in at Tasklist's own login page. The page re-renders while Angular starts,
	 * which can swallow what was typed: it types again until the filter list shows.
	 */
	public void signIn(String user, String password) {
		this.browser.open("/camunda/app/tasklist/");
		By username = By.cssSelector("input[ng-model=username]");
		By passwordField = By.cssSelector("input[ng-model=password]");
		for (int attempt = 1;; attempt++) {
			this.browser.waitFor().until(ExpectedConditions.urlContains("/login"));
			this.browser.type(username, user);
			this.browser.type(passwordField, password);
			if (user.equals(this.browser.driver().findElement(username).getDomProperty("value"))) {
				this.browser.driver().findElement(By.cssSelector("form button[type=submit]")).click();
				try {
					this.browser.waitFor(java.time.Duration.ofSeconds(10))
						.until(ExpectedConditions
							.presenceOfElementLocated(By.cssSelector(".task-filters .task-filter")));
					return;
				}
				catch (org.openqa.selenium.TimeoutException notYet) {
					if (attempt >= 3) {
						throw notYet;
					}
				}
			}
		}
	}

	/**
	 * Clicks the filter with this name (and maybe its count) in the filter list; the
	 * first, if several share it. Stays in the page: reloading Tasklist right after its
	 * login can lose the new session to a request still on its way with the old one.
	 */
	public void openFilter(String name) {
		this.browser.clickable(By.xpath(
				"//div[contains(@class,'task-filter')]//h4[contains(@class,'name')]/a[starts-with(normalize-space(.),'"
						+ name + "')]"))
			.click();
	}

	/** Opens a filter by id (several filters may be called 我的: one per staff member). */
	public void openFilterById(String filterId) {
		((org.openqa.selenium.JavascriptExecutor) this.browser.driver())
			.executeScript("window.location.hash = '#/?filter=' + arguments[0];", filterId);
		this.browser.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[cam-tasks]")));
	}

	/** Opens the task from the list of the current filter. */
	public void openTask(Task task) {
		By inList = By.cssSelector("[cam-tasks] .tasks-list li.task a[href*='task=" + task.getId() + "']");
		WebElement link = this.browser.clickable(inList);
		assertThat(link.getText()).isEqualTo(task.getName());
		link.click();
		this.browser.waitFor()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-card h2.task"),
					task.getName()));
	}

	public boolean listed(Task task) {
		return !this.browser.driver()
			.findElements(By.cssSelector("[cam-tasks] .tasks-list li.task a[href*='task=" + task.getId() + "']"))
			.isEmpty();
	}

	public void claim() {
		dismissNotifications();
		this.browser.clickable(By.cssSelector("button.claim")).click();
	}

	public void waitUntilClaimed() {
		this.browser.waitFor().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
	}

	/**
	 * Chooses a radio option or ticks a checklist option of the Camunda Form by its
	 * label.
	 */
	public void choose(String label) {
		this.browser
			.clickable(By.xpath("//div[contains(@class,'fjs-container')]//label[normalize-space(.)='" + label + "']"))
			.click();
	}

	/** Types into the Camunda Form's field with this label. */
	public void write(String label, String text) {
		WebElement field = this.browser
			.visible(By.xpath("//div[contains(@class,'fjs-container')]//label[normalize-space(.)='" + label
					+ "']/following::textarea[1]"));
		this.browser.scrollTo(field);
		field.sendKeys(text);
	}

	/**
	 * Clicks 完成 (Complete); whether the task really completes is for the caller to check.
	 */
	public void clickComplete() {
		dismissNotifications();
		this.browser.clickable(By.cssSelector("button[ng-click='complete()']")).click();
	}

	/** Closes Tasklist's messages, which cover the form's buttons. */
	public void dismissNotifications() {
		for (WebElement close : this.browser.driver().findElements(By.cssSelector(".page-notifications .close"))) {
			try {
				close.click();
			}
			catch (RuntimeException gone) {
				// it closed by itself
			}
		}
		this.browser.waitFor()
			.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".page-notifications .alert")));
	}

	/** The messages Tasklist shows (errors of a refused claim or completion). */
	public String notifications() {
		return this.browser.driver()
			.findElements(By.cssSelector(".notifications"))
			.stream()
			.map(WebElement::getText)
			.reduce("", (a, b) -> a + "\n" + b);
	}

}
