package org.hcpgate.journey;

import static org.hcpgate.support.TestReaders.signedIn;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.List;
import java.util.Optional;

import org.hamcrest.Matchers;
import org.hcpgate.answers.AnswerService;
import org.hcpgate.answers.QuestionsForm;
import org.hcpgate.credentials.CredentialForm;
import org.hcpgate.credentials.CredentialService;
import org.hcpgate.professions.ProfessionCatalogue;
import org.hcpgate.readers.Reader;
import org.hcpgate.support.TestReaders;
import org.hcpgate.support.WebSliceTest;
import org.hcpgate.vault.DocumentStore;
import org.hcpgate.vault.UploadIntake;
import org.hcpgate.verification.ZoneAccessService;
import org.hcpgate.zones.Zone;
import org.hcpgate.zones.ZoneService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.validation.Errors;

/**
 * The journey's web rhythm: a GET shows and changes nothing, a POST changes and
 * redirects, a form with errors comes back with what the reader typed, a step answered
 * twice shows the current one.
 */
@WebSliceTest(JourneyController.class)
@Import(StepUploads.class)
class JourneyControllerWebTest {

	static final String ZONE = "cardiology";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	JourneyService journey;

	@MockitoBean
	ZoneService zones;

	@MockitoBean
	CredentialService credentials;

	@MockitoBean
	AnswerService answers;

	@MockitoBean
	ProfessionCatalogue professions;

	@MockitoBean
	ZoneAccessService zoneAccess;

	@MockitoBean
	UploadIntake intake;

	@MockitoBean
	DocumentStore store;

	private final Reader reader = TestReaders.reader(42);

	@BeforeEach
	void zone() {
		given(this.zones.get(ZONE)).willReturn(new Zone(ZONE, "心血管专区", "协议", "协议正文", 1));
		given(this.intake.getMaxPhotoSize()).willReturn(org.springframework.util.unit.DataSize.ofMegabytes(5));
		given(this.credentials.latest(anyString())).willReturn(Optional.empty());
	}

	@Test
	void aStepTheSiteHasNoPageForShowsTheUnknownStepPage() throws Exception {
		// only a model deployed before the deployment validation can still have one
		given(this.journey.currentStep("42", ZONE))
			.willReturn(new JourneyStep(JourneyStep.Kind.READER_STEP, "new-step"));
		this.mvc.perform(get("/journey/{zone}", ZONE).with(signedIn(this.reader)))
			.andExpect(status().isOk())
			.andExpect(view().name(JourneyController.VIEW_UNKNOWN_STEP))
			.andExpect(content().string(Matchers.containsString("当前步骤(new-step)在本网站上没有对应页面,请联系客服。")));
	}

	@Test
	void aGetOfAJourneyNotStartedShowsTheStartPageAndStartsNothing() throws Exception {
		given(this.journey.currentStep("42", ZONE)).willReturn(JourneyStep.of(JourneyStep.Kind.NOT_STARTED));
		this.mvc.perform(get("/journey/{zone}", ZONE).param("article", "7").with(signedIn(this.reader)))
			.andExpect(status().isOk())
			.andExpect(view().name(JourneyController.VIEW_START))
			.andExpect(content().string(Matchers.containsString("/journey/" + ZONE + "/start?article=7")));
		verify(this.journey, never()).start(anyString(), anyString(), any());
		verify(this.journey, never()).decideConsent(anyString(), anyString(), any(), anyBoolean(), anyString());
	}

	@Test
	void thePostStartsTheJourneyAndRedirectsToItsPage() throws Exception {
		this.mvc
			.perform(post("/journey/{zone}/start", ZONE).param("article", "7").with(signedIn(this.reader)).with(csrf()))
			.andExpect(redirectedUrl("/journey/" + ZONE + "?article=7"));
		verify(this.journey).start("42", ZONE, 7L);
	}

	@Test
	void withoutTheCsrfTokenNothingStarts() throws Exception {
		this.mvc.perform(post("/journey/{zone}/start", ZONE).with(signedIn(this.reader)))
			.andExpect(status().isForbidden());
		verify(this.journey, never()).start(anyString(), anyString(), any());
	}

	@Test
	void bothConsentStepsGoThroughOneHandlerAndOnlyTheirOwnChoicesDecide() throws Exception {
		consent("agreement", "agree").andExpect(redirectedUrl("/journey/" + ZONE));
		verify(this.journey).decideConsent(eq("42"), eq(ZONE), eq(ConsentStep.AGREEMENT), eq(true), anyString());
		consent("informed-consent", "skip").andExpect(redirectedUrl("/journey/" + ZONE));
		verify(this.journey).decideConsent(eq("42"), eq(ZONE), eq(ConsentStep.INFORMED_CONSENT), eq(false),
				anyString());
		consent("agreement", "skip").andExpect(redirectedUrl("/journey/" + ZONE));
		consent("informed-consent", "refuse").andExpect(redirectedUrl("/journey/" + ZONE));
		verify(this.journey, never()).decideConsent(anyString(), anyString(), eq(ConsentStep.AGREEMENT), eq(false),
				anyString());
		verify(this.journey, never()).decideConsent(anyString(), anyString(), eq(ConsentStep.INFORMED_CONSENT),
				eq(true), anyString());
	}

	@Test
	void aStepAnsweredTwiceShowsTheCurrentStepInsteadOfAnError() throws Exception {
		willThrow(new StepNotActiveException("accept-agreement")).given(this.journey)
			.decideConsent(anyString(), anyString(), any(), anyBoolean(), anyString());
		this.mvc
			.perform(post("/journey/{zone}/agreement", ZONE).param("choice", "agree")
				.param("article", "7")
				.with(signedIn(this.reader))
				.with(csrf()))
			.andExpect(redirectedUrl("/journey/" + ZONE + "?article=7"));
	}

	/**
	 * A photo sent when the step is not active (a double click, a stale tab) is never
	 * stored.
	 */
	@Test
	void aPhotoSentOutsideTheCredentialStepIsNotStored() throws Exception {
		given(this.journey.activeCredentialStep("42", ZONE)).willReturn(Optional.empty());
		this.mvc
			.perform(
					multipart("/journey/{zone}/credentials", ZONE)
						.file(new org.springframework.mock.web.MockMultipartFile("photo", "licence.png", "image/png",
								new byte[] { 1, 2, 3 }))
						.param("realName", "王医生")
						.with(signedIn(this.reader))
						.with(csrf()))
			.andExpect(redirectedUrl("/journey/" + ZONE));
		verify(this.intake, never()).accept(any(), anyString());
		verify(this.journey, never()).submitCredentials(anyString(), anyString(), any(CredentialForm.class), any());
	}

	@Test
	void credentialsWithErrorsComeBackWithWhatTheReaderTypedAndNothingIsSubmitted() throws Exception {
		given(this.journey.activeCredentialStep("42", ZONE)).willReturn(Optional.of("resubmit-credentials"));
		this.mvc
			.perform(multipart("/journey/{zone}/credentials", ZONE).param("realName", "王医生")
				.param("hospital", "北京协和医院")
				.param("department", "")
				.param("professionalTitle", "主治医师")
				.param("licenceNumber", "110108199001")
				.with(signedIn(this.reader))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(view().name(JourneyController.VIEW_CREDENTIALS))
			.andExpect(model().attributeHasFieldErrors("credentials", "department"))
			.andExpect(model().attribute("resubmission", true))
			.andExpect(content().string(Matchers.containsString("value=\"王医生\"")))
			.andExpect(content().string(Matchers.containsString("value=\"北京协和医院\"")));
		verify(this.journey, never()).submitCredentials(anyString(), anyString(), any(CredentialForm.class), any());
	}

	@Test
	void answersWithErrorsComeBackToTheQuestionsAndNothingIsSaved() throws Exception {
		willAnswer(call -> {
			call.getArgument(2, Errors.class).reject("validation.required");
			return null;
		}).given(this.answers).validate(eq(ZONE), any(QuestionsForm.class), any(Errors.class));
		given(this.zones.questions(ZONE)).willReturn(List.of());
		this.mvc.perform(post("/journey/{zone}/questions", ZONE).with(signedIn(this.reader)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(view().name(JourneyController.VIEW_QUESTIONS));
		verify(this.journey, never()).answerQuestions(anyString(), anyString(), any());
	}

	@Test
	void aReviewInProgressShowsTheWaitingPageThatPollsItsStatus() throws Exception {
		given(this.journey.currentStep("42", ZONE)).willReturn(JourneyStep.of(JourneyStep.Kind.IN_REVIEW));
		this.mvc.perform(get("/journey/{zone}", ZONE).with(signedIn(this.reader)))
			.andExpect(view().name(JourneyController.VIEW_IN_REVIEW))
			.andExpect(model().attribute("refreshSeconds", JourneyController.IN_REVIEW_REFRESH_SECONDS));
		this.mvc.perform(get("/journey/{zone}/status", ZONE).with(signedIn(this.reader)))
			.andExpect(content().json("{\"kind\":\"IN_REVIEW\",\"state\":\"IN_REVIEW\"}"));
	}

	private org.springframework.test.web.servlet.ResultActions consent(String step, String choice) throws Exception {
		return this.mvc.perform(post("/journey/{zone}/{step}", ZONE, step).param("choice", choice)
			.with(signedIn(this.reader))
			.with(csrf()));
	}

}
