package org.hcpgate.support;

import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.hcpgate.readers.Reader;
import org.hcpgate.zones.ZoneQuestion;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** Walks a reader through the demo zone's journey on the site, as the reader's browser does. */
public final class JourneyDriver {

	public static final String ZONE = "sepsis-immunotherapy";

	/** A real image: licence photos are decoded and re-encoded on the way in. */
	public static final byte[] PNG = TestImages.png();

	/** What a reader types into 完善信息. */
	public record Credentials(String realName, String hospital, String department, String professionalTitle,
			String licenceNumber) {

		public static Credentials sample() {
			return new Credentials("王医生", "北京协和医院", "重症医学科", "主治医师", "110108199001");
		}

	}

	private final MockMvc mvc;

	private final TaskService tasks;

	public JourneyDriver(MockMvc mvc, TaskService tasks) {
		this.mvc = mvc;
		this.tasks = tasks;
	}

	/** Opens the journey (starts it) and answers the agreement and the informed consent. */
	public void agreeAndConsent(Reader reader) throws Exception {
		start(reader);
		answer(reader, "agreement", "agree");
		answer(reader, "informed-consent", "agree");
	}

	/** The teaser's button: a POST starts the journey (a GET only shows it). */
	public void start(Reader reader) throws Exception {
		this.mvc.perform(post("/journey/" + ZONE + "/start").param("article", "1").with(user(reader)).with(csrf()))
			.andExpect(status().is3xxRedirection());
	}

	public void answer(Reader reader, String step, String choice) throws Exception {
		this.mvc.perform(post("/journey/" + ZONE + "/" + step).param("article", "1")
			.param("choice", choice)
			.with(user(reader))
			.with(csrf())).andExpect(status().is3xxRedirection());
	}

	public ResultActions submitCredentials(Reader reader, Credentials credentials, byte[] photo) throws Exception {
		MockMultipartHttpServletRequestBuilder request = multipart("/journey/" + ZONE + "/credentials");
		request.param("article", "1");
		if (photo != null) {
			request.file(new MockMultipartFile("photo", "licence.png", "image/png", photo));
		}
		return this.mvc.perform(request.param("realName", credentials.realName())
			.param("hospital", credentials.hospital())
			.param("department", credentials.department())
			.param("professionalTitle", credentials.professionalTitle())
			.param("licenceNumber", credentials.licenceNumber())
			.with(user(reader))
			.with(csrf()));
	}

	/** Agreement, consent and credentials: the reader now waits for a reviewer. */
	public Task toReview(Reader reader, Credentials credentials, byte[] photo) throws Exception {
		agreeAndConsent(reader);
		submitCredentials(reader, credentials, photo).andExpect(status().is3xxRedirection());
		return reviewTask(reader);
	}

	/**
	 * Answers the zone's questions (the demo zone asks after the verification): a choice
	 * question gets its first option, a free-text question {@code freeText}.
	 */
	public void answerQuestions(Reader reader, List<ZoneQuestion> questions, String freeText) throws Exception {
		MockHttpServletRequestBuilder request = post("/journey/" + ZONE + "/questions").param("article", "1");
		for (ZoneQuestion question : questions) {
			request.param("answers[" + question.getId() + "]",
					question.isSingleChoice() ? question.getOptions().get(0) : freeText);
		}
		this.mvc.perform(request.with(user(reader)).with(csrf())).andExpect(status().is3xxRedirection());
	}

	/** The staff task reviewing the reader's answers. */
	public Task informationReviewTask(Reader reader) {
		return OpenTasks.await(this.tasks, reader.getReaderId() + ":" + ZONE, "review-information");
	}

	/** Waits until the reader's active step in the zone is {@code taskKey}. */
	public void awaitReaderTask(Reader reader, String taskKey) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.tasks.createTaskQuery()
				.taskAssignee(reader.getReaderId())
				.taskDefinitionKey(taskKey)
				.count() == 1);
	}

	public Task reviewTask(Reader reader) {
		return OpenTasks.await(this.tasks, reader.getReaderId(), "review-credentials");
	}

	public static String journey() {
		return "/journey/" + ZONE + "?article=1";
	}

}
