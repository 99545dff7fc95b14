package org.hcpgate.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;

/**
 * Reason codes arrive as Tasklist's JSON list, a Java list over Java API, or text over
 * REST.
 */
class ReviewDecisionTest {

	@Test
	void readsAJsonListAsTheCamundaFormSubmitsIt() {
		assertThat(ReviewDecision.reasonCodes(Spin.JSON("[\"photo-unreadable\",\"not-hcp\"]")))
			.containsExactly("photo-unreadable", "not-hcp");
	}

	@Test
	void readsAListOrCommaSeparatedTextAndDropsBlanksAndRepeats() {
		assertThat(ReviewDecision.reasonCodes(List.of("name-mismatch", "name-mismatch")))
			.containsExactly("name-mismatch");
		assertThat(ReviewDecision.reasonCodes(" licence-invalid , ,information-incomplete"))
			.containsExactly("licence-invalid", "information-incomplete");
		assertThat(ReviewDecision.reasonCodes("[\"not-hcp\"]")).containsExactly("not-hcp");
	}

	@Test
	void nothingGivenMeansNoReasons() {
		assertThat(ReviewDecision.reasonCodes(null)).isEmpty();
		assertThat(ReviewDecision.reasonCodes(Spin.JSON("[]"))).isEmpty();
	}

}
