package org.hcpgate.staff;

import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hcpgate.support.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.hcpgate.review.ReviewService;
import org.hcpgate.review.UnknownSubmissionException;

/** A staff view by reference: an id that names no answer set is a 404, never a 500. */
@WebSliceTest(StaffAnswersController.class)
class StaffAnswersControllerWebTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ReviewService reviews;

	@MockitoBean
	org.hcpgate.zones.ZoneService zones;

	@MockitoBean
	org.hcpgate.security.StaffMembers staffMembers;

	@MockitoBean
	StaffViewLog access;

	@Test
	void anUnknownAnswerSetIsNotFoundOnThePageAndOnTheCard() throws Exception {
		given(this.reviews.answerSet(99L)).willThrow(new UnknownSubmissionException(99L));
		this.mvc.perform(get("/staff/answers/99").with(user("demo-reviewer"))).andExpect(status().isNotFound());
		this.mvc.perform(get("/staff/answers/99/card.svg").with(user("demo-reviewer")))
			.andExpect(status().isNotFound());
	}

}
