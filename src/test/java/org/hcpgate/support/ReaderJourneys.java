package org.hcpgate.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.hcpgate.articles.Article;
import org.hcpgate.articles.ArticleRepository;
import org.hcpgate.journey.JourneyEngine;
import org.hcpgate.readers.Reader;
import org.hcpgate.zones.Zone;
import org.hcpgate.zones.ZoneRepository;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Short ways through a reader's journey for the site's web tests: zones and articles of a
 * test's own, the reader's steps through MockMvc, the reviewer's decision through the REST
 * API. A plain helper (not a bean): tests build it from what they autowire.
 */
public class ReaderJourneys {

	private final MockMvc mvc;

	private final ZoneRepository zones;

	private final ArticleRepository articles;

	private final JourneyEngine verification;

	private final TaskService tasks;

	private final TestRestTemplate rest;

	public ReaderJourneys(MockMvc mvc, ZoneRepository zones, ArticleRepository articles,
			JourneyEngine verification, TaskService tasks, TestRestTemplate rest) {
		this.mvc = mvc;
		this.zones = zones;
		this.articles = articles;
		this.verification = verification;
		this.tasks = tasks;
		this.rest = rest;
	}

	/** A zone that asks only for its agreement (no informed consent, no questions). */
	public String newZone() {
		String key = "z" + UUID.randomUUID().toString().substring(0, 8);
		this.zones.save(new Zone(key, "测试专区 " + key, "测试协议", "协议正文", 1));
		return key;
	}

	public Article newArticle(String zoneKey, boolean gated, String teaser, String body) {
		return this.articles.save(new Article(zoneKey, gated, "测试文章 " + UUID.randomUUID().toString().substring(0, 6),
				"测试作者", "测试", LocalDate.now(), teaser, body));
	}

	public ResultActions journey(Reader reader, String zone, Long article) throws Exception {
		return this.mvc.perform(get(path(zone, article)).with(user(reader)));
	}

	/** The teaser's button: a POST starts the journey (a GET only shows it). */
	public ResultActions start(Reader reader, String zone, Long article) throws Exception {
		return this.mvc.perform(post("/journey/" + zone + "/start")
			.param("article", (article != null) ? article.toString() : "")
			.with(user(reader))
			.with(csrf())).andExpect(status().is3xxRedirection());
	}

	/** Starts the journey and agrees to the zone's agreement. */
	public void agree(Reader reader, String zone, Long article) throws Exception {
		start(reader, zone, article);
		awaitStep(reader, zone, "accept-agreement");
		this.mvc.perform(post("/journey/" + zone + "/agreement").param("choice", "agree")
			.param("article", (article != null) ? article.toString() : "")
			.with(user(reader))
			.with(csrf()));
	}

	public void awaitStep(Reader reader, String zone, String step) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.verification.currentStep(reader.getReaderId(), zone).step(), step::equals);
	}

	public MockMultipartHttpServletRequestBuilder credentials(Reader reader, String zone, Long article,
			String realName, byte[] photo) {
		MockMultipartHttpServletRequestBuilder request = multipart("/journey/" + zone + "/credentials");
		if (photo != null) {
			request.file(new MockMultipartFile("photo", "licence.png", "image/png", photo));
		}
		if (article != null) {
			request.param("article", article.toString());
		}
		request.param("realName", realName)
			.param("hospital", "北京协和医院")
			.param("department", "重症医学科")
			.param("professionalTitle", "主治医师")
			.param("licenceNumber", "110108199001")
			.with(user(reader))
			.with(csrf());
		return request;
	}

	public ResultActions submitCredentials(Reader reader, String zone, Long article, String realName, byte[] photo)
			throws Exception {
		return this.mvc.perform(credentials(reader, zone, article, realName, photo));
	}

	public Task reviewTask(Reader reader) {
		return OpenTasks.await(this.tasks, reader.getReaderId(), "review-credentials");
	}

	/** A reviewer decides over Camunda's REST API, as an integrator would. */
	public void decide(Task task, String variablesJson) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<String> answer = this.rest.withBasicAuth("demo-reviewer", "demo-reviewer")
			.postForEntity("/engine-rest/task/{id}/complete",
					new HttpEntity<>("{\"variables\":" + variablesJson + "}", headers), String.class, task.getId());
		assertThat(answer.getStatusCode().is2xxSuccessful()).as(answer.getBody()).isTrue();
	}

	/**
	 * Four-eyes: a lead ({@code demo-lead}) confirms the final rejection a reviewer decided,
	 * over Camunda's REST API.
	 */
	public void confirmFinalRejection(Reader reader) {
		confirmFinalRejection(this.tasks, this.rest, reader);
	}

	/** The same, for tests without a {@link ReaderJourneys}. */
	public static void confirmFinalRejection(TaskService tasks, TestRestTemplate rest, Reader reader) {
		Task confirmation = OpenTasks.await(tasks, reader.getReaderId(), "confirm-final-rejection");
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<String> answer = rest.withBasicAuth("demo-lead", "demo-lead")
			.postForEntity("/engine-rest/task/{id}/complete",
					new HttpEntity<>("{\"variables\":{\"finalRejectionConfirmed\":{\"value\":true}}}", headers),
					String.class, confirmation.getId());
		assertThat(answer.getStatusCode().is2xxSuccessful()).as(answer.getBody()).isTrue();
	}

	public static String path(String zone, Long article) {
		return "/journey/" + zone + ((article != null) ? "?article=" + article : "");
	}

}
