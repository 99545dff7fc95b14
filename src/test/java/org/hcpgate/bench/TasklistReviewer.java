package org.hcpgate.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reviewer as Tasklist is one: signed in once to the webapps (a session, so no password
 * hash is checked per call), then the engine's REST API behind Tasklist: find the task of
 * a reader's process, complete it with a decision.
 */
final class TasklistReviewer {

	/** Task searches of every reviewer so far: the driver's share of what is counted. */
	static final AtomicLong SEARCHES = new AtomicLong();

	private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

	/**
	 * No request of a reviewer waits longer: a query that does fails the run instead of
	 * hanging it.
	 */
	private static final Duration TIMEOUT = Duration.ofMinutes(2);

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String node;

	private String xsrf;

	/** The tasks whose completion the engine acknowledged (204), in order. */
	final java.util.List<String> completed = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

	TasklistReviewer(String node) {
		this.node = node;
	}

	TasklistReviewer signIn() throws IOException, InterruptedException {
		HttpResponse<String> entry = this.http.send(
				HttpRequest.newBuilder(URI.create(this.node + "/camunda/app/tasklist/default/")).build(),
				HttpResponse.BodyHandlers.ofString());
		this.xsrf = entry.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
		HttpResponse<String> signIn = this.http
			.send(HttpRequest.newBuilder(URI.create(this.node + "/camunda/api/admin/auth/user/default/login/tasklist"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("X-XSRF-TOKEN", this.xsrf)
				.POST(HttpRequest.BodyPublishers.ofString("username=demo-reviewer&password=demo-reviewer"))
				.build(), HttpResponse.BodyHandlers.ofString());
		if (signIn.statusCode() != 200) {
			throw new IllegalStateException("reviewer sign-in: " + signIn.statusCode() + " " + signIn.body());
		}
		// signing in starts a new session, with a CSRF token of its own
		this.xsrf = this.http
			.send(HttpRequest.newBuilder(URI.create(this.node + "/camunda/app/tasklist/default/")).build(),
					HttpResponse.BodyHandlers.discarding())
			.headers()
			.firstValue("X-XSRF-TOKEN")
			.orElseThrow();
		return this;
	}

	/** The id of the task once it exists (polled every 100 ms). */
	String awaitTask(String taskKey, String businessKey, Duration within) throws Exception {
		long deadline = System.nanoTime() + within.toNanos();
		while (System.nanoTime() < deadline) {
			SEARCHES.incrementAndGet();
			HttpResponse<String> tasks = get("/camunda/api/engine/engine/default/task?taskDefinitionKey=" + taskKey
					+ "&processInstanceBusinessKey=" + businessKey + "&maxResults=1");
			Matcher found = ID.matcher(tasks.body());
			if (tasks.statusCode() == 200 && found.find()) {
				return found.group(1);
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("no task " + taskKey + " for " + businessKey + " within " + within);
	}

	int approve(String taskId) throws IOException, InterruptedException {
		int status = this.http
			.send(HttpRequest
				.newBuilder(URI.create(this.node + "/camunda/api/engine/engine/default/task/" + taskId + "/complete"))
				.header("Content-Type", "application/json")
				.header("X-XSRF-TOKEN", this.xsrf)
				.POST(HttpRequest.BodyPublishers.ofString("{\"variables\":{\"decision\":{\"value\":\"approved\"}}}"))
				.build(), HttpResponse.BodyHandlers.ofString())
			.statusCode();
		if (status == 204) {
			this.completed.add(taskId);
		}
		return status;
	}

	HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.node + path))
			.timeout(TIMEOUT)
			.header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", this.xsrf)
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.node + path)).timeout(TIMEOUT).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
