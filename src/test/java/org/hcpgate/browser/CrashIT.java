package org.hcpgate.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hcpgate.support.NodeProcesses;
import org.hcpgate.support.SiteClient;
import org.hcpgate.support.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, the crash test: two nodes; 20 readers take their journeys to the review, each
 * step on the other node; a reviewer approves all 20 on node A and node A is killed
 * ({@code kill -9}) at once, with the jobs of those decisions queued and locked by it.
 * Node B finishes every journey (each reader reaches the zone's questions), nothing runs
 * twice and no incident is raised; the time until the dead node's jobs ran is bounded by
 * the configured lock time (30 s) and written to {@code target/nodes/crash.txt}; node A
 * restarts and serves again. Bounded in time; stops everything it started.
 */
class CrashIT {

	static final String ZONE = "sepsis-immunotherapy";

	static final int READERS = 20;

	static final Duration LOCK_TIME = Duration.ofSeconds(30);

	private final NodeProcesses nodes = new NodeProcesses();

	@AfterEach
	void stopEverything() throws InterruptedException {
		this.nodes.stopAll();
	}

	@Test
	void aNodeKilledWithDecisionsInFlightLosesNothingAndGrantsNothingTwice() throws Exception {
		this.nodes.start("node-a");
		this.nodes.start("node-b");
		this.nodes.awaitHealthy("node-a");
		this.nodes.awaitHealthy("node-b");
		String a = this.nodes.url("node-a");
		String b = this.nodes.url("node-b");

		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Future<String>> journeys = new ArrayList<>();
		for (int i = 0; i < READERS; i++) {
			boolean odd = i % 2 == 1;
			journeys.add(pool.submit(() -> toReview(odd ? b : a, odd ? a : b)));
		}
		List<String> readers = new ArrayList<>();
		for (Future<String> journey : journeys) {
			readers.add(journey.get());
		}
		pool.shutdown();

		List<String> reviews = new ArrayList<>();
		for (String reader : readers) {
			reviews.add(this.nodes.awaitStaffTask("node-b", "review-credentials", reader, Duration.ofSeconds(60)));
		}
		// the reviewer decides all 20 on node A, and node A dies right after
		for (String review : reviews) {
			assertThat(this.nodes.completeAsStaff("node-a", review,
					"{\"variables\":{\"decision\":{\"value\":\"approved\"}}}"))
				.isEqualTo(204);
		}
		this.nodes.kill("node-a");
		Instant killed = Instant.now();

		// node B finishes every journey: each reader reaches the zone's questions (a
		// reader's own task, which staff do not see: read from the database)
		String keys = String.join(",", readers.stream().map(r -> "'" + r + ":" + ZONE + "'").toList());
		String questions = "select count(*) from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_ "
				+ "where t.task_def_key_ = 'answer-questions' and e.business_key_ in (" + keys + ")";
		Instant deadline = killed.plus(LOCK_TIME).plusSeconds(60);
		while (this.nodes.count(questions) < READERS && Instant.now().isBefore(deadline)) {
			Thread.sleep(250);
		}
		Duration recovered = Duration.between(killed, Instant.now());
		assertThat(this.nodes.count(questions)).as("journeys past the review after the kill").isEqualTo(READERS);
		Files.createDirectories(NodeProcesses.LOGS);
		Files.writeString(NodeProcesses.LOGS.resolve("crash.txt"),
				"kill -9 of node A with " + READERS + " decisions in flight: every journey went on within "
						+ recovered.toMillis() + " ms (job lock time " + LOCK_TIME.toSeconds() + " s)\n");
		System.out
			.println("Crash: all " + READERS + " journeys went on " + recovered.toMillis() + " ms after the kill");
		assertThat(recovered).isLessThan(LOCK_TIME.plusSeconds(30));

		// node A restarts and serves; nothing ran twice, nothing failed
		this.nodes.start("node-a");
		this.nodes.awaitHealthy("node-a");
		assertThat(new SiteClient().get(a + "/articles/1").statusCode()).isEqualTo(200);
		String ids = String.join(",", readers.stream().map(r -> "'" + r + "'").toList());
		assertThat(this.nodes.count("select count(*) from review_decision where reader_id in (" + ids + ")"))
			.isEqualTo(READERS);
		assertThat(
				this.nodes.count("select count(*) from (select reader_id, kind from notification where reader_id in ("
						+ ids + ") group by reader_id, kind having count(*) > 1) twice"))
			.isZero();
		assertThat(this.nodes.count("select count(*) from notification where kind = 'CREDENTIALS_APPROVED' "
				+ "and reader_id in (" + ids + ")"))
			.isEqualTo(READERS);
		assertThat(this.nodes.count("select count(*) from act_ru_incident")).isZero();
		assertThat(this.nodes.count(questions)).isEqualTo(READERS);
	}

	/** Register, sign in, agree, consent, credentials: every step on the other node. */
	private String toReview(String one, String other) throws Exception {
		SiteClient reader = new SiteClient();
		String name = "crash" + UUID.randomUUID().toString().substring(0, 8);
		reader.post(one + "/register", one + "/register", Map.of("username", name, "displayName", "崩溃测试读者", "email",
				name + "@example.org", "password", "a-good-password"));
		HttpResponse<String> signedIn = reader.post(other + "/login", other + "/login",
				Map.of("username", name, "password", "a-good-password"));
		assertThat(signedIn.uri().getPath()).isNotEqualTo("/login");
		String journey = "/journey/" + ZONE + "?article=1";
		reader.post(one + "/articles/1", one + "/journey/" + ZONE + "/start?article=1", Map.of());
		awaitPage(reader, other + journey, "value=\"refuse\"");
		reader.post(other + journey, other + "/journey/" + ZONE + "/agreement?article=1", Map.of("choice", "agree"));
		awaitPage(reader, one + journey, "value=\"skip\"");
		reader.post(one + journey, one + "/journey/" + ZONE + "/informed-consent?article=1", Map.of("choice", "agree"));
		awaitPage(reader, other + journey, "name=\"realName\"");
		HttpResponse<String> submitted = reader.postWithFile(other + journey,
				other + "/journey/" + ZONE + "/credentials?article=1",
				Map.of("realName", "崩溃医生", "hospital", "北京协和医院", "profession", "physician", "department", "重症医学科",
						"professionalTitle", "主治医师", "licenceNumber", "110108199005"),
				"photo", TestImages.png());
		assertThat(submitted.statusCode()).isEqualTo(200);
		return this.nodes.single("select id from reader_account where username = '" + name + "'");
	}

	private static void awaitPage(SiteClient reader, String url, String marker) throws Exception {
		Instant deadline = Instant.now().plusSeconds(60);
		while (Instant.now().isBefore(deadline)) {
			if (reader.get(url).body().contains(marker)) {
				return;
			}
			Thread.sleep(300);
		}
		throw new AssertionError("no " + marker + " at " + url);
	}

}
