package org.hcpgate.support;

import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.task.Task;
import org.hcpgate.articles.Article;
import org.hcpgate.articles.ArticleRepository;
import org.hcpgate.credentials.CredentialForm;
import org.hcpgate.credentials.CredentialService;
import org.hcpgate.credentials.CredentialSubmission;
import org.hcpgate.journey.ConsentStep;
import org.hcpgate.journey.JourneyService;
import org.hcpgate.professions.ProfessionCatalogue;
import org.hcpgate.readers.Reader;
import org.hcpgate.vault.StoredDocument;
import org.hcpgate.vault.UploadIntake;
import org.hcpgate.zones.Zone;
import org.hcpgate.zones.ZoneQuestion;
import org.hcpgate.zones.ZoneRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The tests' one way through a reader's journey: on the site as the reader's browser does
 * (MockMvc: the pages' own posts), in any zone, the demo zone {@link #ZONE} by default;
 * or, for tests about what staff do, straight through the services those pages call
 * ({@link #newSubmission}). The staff side is {@link Reviewer}.
 */
@Component
public class JourneyDriver {

	/** The demo zone (agreement, informed consent, questions with information review). */
	public static final String ZONE = "sepsis-immunotherapy";

	/** The demo zone's article. */
	public static final long ARTICLE = 1L;

	/** A real image: licence photos are decoded and re-encoded on the way in. */
	public static final byte[] PNG = TestImages.png();

	/** What a reader types into 完善信息. */
	public record Credentials(String realName, String hospital, String department, String professionalTitle,
			String licenceNumber) {

		public static Credentials sample() {
			return of("王医生");
		}

		public static Credentials of(String realName) {
			return new Credentials(realName, "北京协和医院", "重症医学科", "主治医师", "110108199001");
		}

	}

	private final ObjectProvider<MockMvc> mvc;

	private final ZoneRepository zones;

	private final ArticleRepository articles;

	private final JourneyService journey;

	private final CredentialService credentials;

	private final UploadIntake intake;

	private final Readers readers;

	private final Reviewer reviewer;

	private final ProfessionCatalogue professions;

	JourneyDriver(ObjectProvider<MockMvc> mvc, ZoneRepository zones, ArticleRepository articles, JourneyService journey,
			CredentialService credentials, UploadIntake intake, Readers readers, Reviewer reviewer,
			ProfessionCatalogue professions) {
		this.intake = intake;
		this.professions = professions;
		this.mvc = mvc;
		this.zones = zones;
		this.articles = articles;
		this.journey = journey;
		this.credentials = credentials;
		this.readers = readers;
		this.reviewer = reviewer;
	}

	/**
	 * A zone of the test's own that asks only for its agreement (no informed consent, no
	 * questions).
	 */
	public String newZone() {
		String key = "z" + UUID.randomUUID().toString().substring(0, 8);
		this.zones.save(new Zone(key, "测试专区 " + key, "测试协议", "协议正文", 1));
		return key;
	}

	public Article newArticle(String zoneKey, boolean gated, String teaser, String body) {
		return this.articles.save(new Article(zoneKey, gated, "测试文章 " + UUID.randomUUID().toString().substring(0, 6),
				"测试作者", "测试", LocalDate.now(), teaser, body));
	}

	// the site, as the reader's browser asks it

	/** The journey's page (a GET only shows). */
	public ResultActions journey(Reader reader, String zone, Long article) throws Exception {
		return mvc().perform(get(path(zone, article)).with(user(reader)));
	}

	/** The teaser's button: a POST starts the journey. */
	public ResultActions start(Reader reader, String zone, Long article) throws Exception {
		return mvc()
			.perform(post("/journey/" + zone + "/start").param("article", articleParam(article))
				.with(user(reader))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
	}

	/** A consent step's button: {@code agreement} or {@code informed-consent}. */
	public ResultActions answer(Reader reader, String zone, String step, String choice, Long article) throws Exception {
		return mvc().perform(post("/journey/" + zone + "/" + step).param("article", articleParam(article))
			.param("choice", choice)
			.with(user(reader))
			.with(csrf()));
	}

	/** Starts the journey and agrees to the zone's agreement. */
	public void agree(Reader reader, String zone, Long article) throws Exception {
		start(reader, zone, article);
		awaitStep(reader, zone, "accept-agreement");
		answer(reader, zone, "agreement", "agree", article);
	}

	/** Waits until the page the reader sees in the zone is {@code step}. */
	public void awaitStep(Reader reader, String zone, String step) {
		await().atMost(Reviewer.WAIT)
			.until(() -> this.journey.currentStep(reader.getReaderId(), zone).step(), step::equals);
	}

	/** 完善信息 as the form posts it, ready to be changed or performed. */
	public MockMultipartHttpServletRequestBuilder credentials(Reader reader, String zone, Long article,
			Credentials typed, byte[] photo) {
		MockMultipartHttpServletRequestBuilder request = multipart("/journey/" + zone + "/credentials");
		if (photo != null) {
			request.file(new MockMultipartFile("photo", "licence.png", "image/png", photo));
		}
		if (article != null) {
			request.param("article", article.toString());
		}
		boolean listed = this.professions.departments().contains(typed.department());
		request.param("realName", typed.realName())
			.param("hospital", typed.hospital())
			.param("profession", professionOf(typed.professionalTitle()))
			.param("department", listed ? typed.department() : ProfessionCatalogue.OTHER_DEPARTMENT)
			.param("departmentOther", listed ? "" : typed.department())
			.param("professionalTitle", typed.professionalTitle())
			.param("licenceNumber", typed.licenceNumber())
			.with(user(reader))
			.with(csrf());
		return request;
	}

	/** The profession whose list has this title (the catalogue's code). */
	public String professionOf(String title) {
		return this.professions.titlesByProfession()
			.entrySet()
			.stream()
			.filter(entry -> entry.getValue().contains(title))
			.map(java.util.Map.Entry::getKey)
			.findFirst()
			.orElse("physician");
	}

	public MockMultipartHttpServletRequestBuilder credentials(Reader reader, String zone, Long article, String realName,
			byte[] photo) {
		return credentials(reader, zone, article, Credentials.of(realName), photo);
	}

	public ResultActions submitCredentials(Reader reader, String zone, Long article, Credentials typed, byte[] photo)
			throws Exception {
		return mvc().perform(credentials(reader, zone, article, typed, photo));
	}

	public ResultActions submitCredentials(Reader reader, String zone, Long article, String realName, byte[] photo)
			throws Exception {
		return submitCredentials(reader, zone, article, Credentials.of(realName), photo);
	}

	/**
	 * Answers a zone's questions: a choice question gets its first option, a free-text
	 * question {@code freeText}.
	 */
	public void answerQuestions(Reader reader, String zone, List<ZoneQuestion> questions, String freeText)
			throws Exception {
		MockHttpServletRequestBuilder request = post("/journey/" + zone + "/questions").param("article",
				String.valueOf(ARTICLE));
		for (ZoneQuestion question : questions) {
			request.param("answers[" + question.getId() + "]",
					question.isSingleChoice() ? question.getOptions().get(0) : freeText);
		}
		mvc().perform(request.with(user(reader)).with(csrf())).andExpect(status().is3xxRedirection());
	}

	// the demo zone, the way most journey tests take

	/** Starts the demo journey and answers its agreement and informed consent. */
	public void agreeAndConsent(Reader reader) throws Exception {
		start(reader);
		answer(reader, "agreement", "agree");
		answer(reader, "informed-consent", "agree");
	}

	public void start(Reader reader) throws Exception {
		start(reader, ZONE, ARTICLE);
	}

	public void answer(Reader reader, String step, String choice) throws Exception {
		answer(reader, ZONE, step, choice, ARTICLE).andExpect(status().is3xxRedirection());
	}

	public void answerQuestions(Reader reader, List<ZoneQuestion> questions, String freeText) throws Exception {
		answerQuestions(reader, ZONE, questions, freeText);
	}

	public ResultActions submitCredentials(Reader reader, Credentials typed, byte[] photo) throws Exception {
		return submitCredentials(reader, ZONE, ARTICLE, typed, photo);
	}

	/**
	 * Agreement, consent and credentials in the demo zone: the reader now waits for a
	 * reviewer.
	 */
	public Task toReview(Reader reader, Credentials typed, byte[] photo) throws Exception {
		agreeAndConsent(reader);
		submitCredentials(reader, typed, photo).andExpect(status().is3xxRedirection());
		return this.reviewer.reviewTask(reader);
	}

	/** The demo journey's page, with its article. */
	public static String journey() {
		return path(ZONE, ARTICLE);
	}

	public static String path(String zone, Long article) {
		return "/journey/" + zone + ((article != null) ? "?article=" + article : "");
	}

	// straight through the services, for tests about staff

	/**
	 * A new reader in a new zone, whose credentials wait at {@code review-credentials}.
	 */
	public Submitted newSubmission(String realName) {
		Reader reader = this.readers.newReader();
		String zone = newZone();
		this.journey.start(reader.getReaderId(), zone, null);
		this.journey.decideConsent(reader.getReaderId(), zone, ConsentStep.AGREEMENT, true, "127.0.0.1");
		return new Submitted(reader, zone, null, null).resubmit(this, realName, true);
	}

	/** A reader whose latest credentials wait for review. */
	public record Submitted(Reader reader, String zone, CredentialSubmission submission, Task review) {

		public String readerId() {
			return this.reader.getReaderId();
		}

		/**
		 * Submits (again) once the reader's step is open; a new photo only when asked.
		 */
		public Submitted resubmit(JourneyDriver driver, String realName, boolean newPhoto) {
			await().atMost(Duration.ofSeconds(20))
				.until(() -> driver.journey.currentStep(readerId(), this.zone).step(),
						s -> s != null && s.endsWith("credentials"));
			Credentials typed = Credentials.of(realName);
			CredentialForm form = new CredentialForm();
			form.setRealName(typed.realName());
			form.setHospital(typed.hospital());
			form.setProfession(driver.professionOf(typed.professionalTitle()));
			form.setDepartment(typed.department());
			form.setProfessionalTitle(typed.professionalTitle());
			form.setLicenceNumber(typed.licenceNumber());
			StoredDocument photo = newPhoto
					? driver.intake.accept(new MockMultipartFile("photo", "licence.png", "image/png", PNG), readerId())
					: null;
			CredentialSubmission submission = driver.journey.submitCredentials(readerId(), this.zone, form, photo);
			return new Submitted(this.reader, this.zone, submission, driver.reviewer.reviewTask(this.reader));
		}

	}

	private MockMvc mvc() {
		return this.mvc.getObject();
	}

	private static String articleParam(Long article) {
		return (article != null) ? article.toString() : "";
	}

}
