package org.hcpgate.bench;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hcpgate.support.NodeProcesses;
import org.hcpgate.support.SiteClient;
import org.hcpgate.support.TestImages;

/**
 * One reader's whole journey through the site, as the benchmarks drive it: register, sign
 * in, open the gated article, agreement, informed consent, credentials with a photo, the
 * reviewer's approval, the zone's questions, the information review, "您已通过" and the
 * article in full. A waiting page is followed as its script does, through the status poll
 * (at the given interval), and the times the reader waits are recorded.
 */
final class BenchReader {

	/** Status polls of every reader so far: the driver's share of what is counted. */
	static final AtomicLong STATUS_POLLS = new AtomicLong();

	static final String ZONE = "sepsis-immunotherapy";

	private static final Pattern STATE = Pattern.compile("data-state=\"([^\"]*)\"");

	private static final Pattern STATE_JSON = Pattern.compile("\"state\":\"([^\"]*)\"");

	private static final Pattern FIELD = Pattern.compile("<(?:input|textarea)[^>]*>");

	private static final Pattern NAME = Pattern.compile("name=\"(answers\\[\\d+\\])\"");

	private static final Pattern VALUE = Pattern.compile(" value=\"([^\"]*)\"");

	private static final Duration WAIT = Duration.ofSeconds(120);

	private final SiteClient site = new SiteClient();

	private final String node;

	private final Duration poll;

	/** Reader's own steps: from the submit to the next step's page. */
	final Samples ownSteps;

	/** From a reviewer's completion to the reader's page showing the next step. */
	final Samples afterDecisions;

	BenchReader(String node, Duration poll, Samples ownSteps, Samples afterDecisions) {
		this.node = node;
		this.poll = poll;
		this.ownSteps = ownSteps;
		this.afterDecisions = afterDecisions;
	}

	SiteClient site() {
		return this.site;
	}

	/**
	 * The whole journey; the reviewer decides on its own node. The reader's id (the
	 * business key staff tasks are found by) is read from the nodes' database.
	 */
	void verify(TasklistReviewer reviewer, NodeProcesses nodes) throws Exception {
		String name = "bench" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		String password = "a-good-password";
		expect(this.site.post(this.node + "/register", this.node + "/register",
				Map.of("username", name, "displayName", "基准读者", "email", name + "@example.org", "password", password)));
		HttpResponse<String> signedIn = this.site.post(this.node + "/login", this.node + "/login",
				Map.of("username", name, "password", password));
		if (signedIn.uri().getPath().equals("/login")) {
			throw new IllegalStateException("sign-in refused for " + name);
		}
		String readerId = nodes.single("select id from reader_account where username = '" + name + "'");
		String journey = this.node + "/journey/" + ZONE;
		String query = "?article=1";
		own(() -> this.site.post(this.node + "/articles/1", journey + "/start" + query, Map.of()), "value=\"refuse\"");
		own(() -> this.site.post(journey + query, journey + "/agreement" + query, Map.of("choice", "agree")),
				"value=\"skip\"");
		own(() -> this.site.post(journey + query, journey + "/informed-consent" + query, Map.of("choice", "agree")),
				"name=\"realName\"");
		String inReview = own(() -> this.site.postWithFile(journey + query, journey + "/credentials" + query,
				Map.of("realName", "基准医生", "hospital", "北京协和医院", "profession", "physician", "department", "重症医学科",
						"professionalTitle", "主治医师", "licenceNumber", "110108199005"),
				"photo", TestImages.png()), "data-status-url");
		String questions = decided(reviewer, "review-credentials", readerId, inReview, "name=\"answers[");
		Map<String, String> answers = new LinkedHashMap<>();
		Matcher field = FIELD.matcher(questions);
		while (field.find()) {
			Matcher answer = NAME.matcher(field.group());
			if (answer.find()) {
				Matcher value = VALUE.matcher(field.group());
				answers.putIfAbsent(answer.group(1),
						(field.group().contains("type=\"radio\"") && value.find()) ? value.group(1) : "基准回答");
			}
		}
		String informationReview = own(() -> this.site.post(journey + query, journey + "/questions" + query, answers),
				"data-status-url");
		String passed = decided(reviewer, "review-information", readerId + ":" + ZONE, informationReview, "您已通过");
		HttpResponse<String> article = this.site.get(this.node + "/articles/1");
		if (article.statusCode() != 200 || article.body().contains("id=\"enter-zone\"") || passed == null) {
			throw new IllegalStateException(name + " was not let in");
		}
	}

	/**
	 * A reader's own step: submit, then wait on the page until the next step is there.
	 */
	private String own(Step step, String marker) throws Exception {
		long start = System.nanoTime();
		String page = settle(step.send().body(), marker);
		this.ownSteps.add(System.nanoTime() - start);
		return page;
	}

	/** A reviewer's decision while the reader waits on the page given. */
	private String decided(TasklistReviewer reviewer, String taskKey, String businessKey, String waiting, String marker)
			throws Exception {
		String task = reviewer.awaitTask(taskKey, businessKey, WAIT);
		int status = reviewer.approve(task);
		if (status != 204) {
			throw new IllegalStateException("completing " + taskKey + ": " + status);
		}
		long decided = System.nanoTime();
		String page = settle(waiting, marker);
		this.afterDecisions.add(System.nanoTime() - decided);
		return page;
	}

	/**
	 * Follows a waiting page as its script does: asks the status until the state changes,
	 * then loads the page; until the marker is there.
	 */
	private String settle(String page, String marker) throws Exception {
		long deadline = System.nanoTime() + WAIT.toNanos();
		String current = page;
		while (!current.contains(marker)) {
			if (System.nanoTime() > deadline) {
				Matcher error = Pattern.compile("class=\"field-error\"[^>]*>([^<]*)<").matcher(current);
				throw new IllegalStateException("no " + marker + " within " + WAIT + " on a page with "
						+ (error.find() ? "the error " + error.group(1) : "no field error") + ": "
						+ current.substring(0, Math.min(current.length(), 3000)));
			}
			Matcher state = STATE.matcher(current);
			if (state.find()) {
				String before = state.group(1);
				String now = before;
				while (now.equals(before) && System.nanoTime() < deadline) {
					Thread.sleep(this.poll.toMillis());
					STATUS_POLLS.incrementAndGet();
					Matcher json = STATE_JSON.matcher(this.site.get(this.node + "/journey/" + ZONE + "/status").body());
					now = json.find() ? json.group(1) : before;
				}
			}
			else {
				Thread.sleep(this.poll.toMillis());
			}
			current = this.site.get(this.node + "/journey/" + ZONE + "?article=1").body();
		}
		return current;
	}

	private static void expect(HttpResponse<String> response) {
		if (response.statusCode() != 200 || response.uri().getPath().equals("/register")) {
			throw new IllegalStateException("registration: " + response.statusCode() + " at " + response.uri());
		}
	}

	@FunctionalInterface
	interface Step {

		HttpResponse<String> send() throws Exception;

	}

}
