package org.hcpgate.answers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.hcpgate.readers.Reader;
import org.hcpgate.support.JourneyDriver;
import org.hcpgate.support.PostgresIntegrationTest;
import org.hcpgate.support.Readers;
import org.hcpgate.verification.HcpVerificationService;
import org.hcpgate.zones.QuestionEdit;
import org.hcpgate.zones.ZoneQuestion;
import org.hcpgate.zones.ZoneService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A multiple-choice question an editor wrote, as a reader answers it: several options are
 * one answer; an option the question does not have is refused on the page, with the valid
 * choices still ticked.
 */
class MultipleChoicePostgresTest extends PostgresIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JourneyDriver journeys;

	@Autowired
	Readers readers;

	@Autowired
	ZoneService zones;

	@Autowired
	HcpVerificationService verifications;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void severalOptionsAreOneAnswerAndAnOptionTheQuestionHasNotIsRefused() throws Exception {
		String zone = this.journeys.newZone();
		ZoneQuestion question = this.zones
			.replaceQuestions(zone, List.of(new QuestionEdit(null, "您关注哪些方向?", ZoneQuestion.Kind.MULTIPLE_CHOICE,
					List.of("心衰", "高血压", "心律失常"), true)))
			.get(0);
		Reader reader = this.readers.newReader();
		this.verifications.markVerified(reader.getReaderId(), "physician");
		this.journeys.agree(reader, zone, null);
		this.journeys.awaitStep(reader, zone, "answer-questions");
		String field = "answers[" + question.getId() + "]";

		String refused = this.mvc
			.perform(post("/journey/" + zone + "/questions").param(field, "心衰", "骨科").with(user(reader)).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("请从给出的选项中选择").containsPattern("type=\"checkbox\"[^>]*value=\"心衰\"[^>]*checked");

		this.mvc
			.perform(post("/journey/" + zone + "/questions").param(field, "心衰", "心律失常").with(user(reader)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(
				this.jdbc.queryForList("select text from answer where question_id = ?", String.class, question.getId()))
			.containsExactly("心衰,心律失常");
	}

}
