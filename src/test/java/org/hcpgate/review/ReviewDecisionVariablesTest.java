package org.hcpgate.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;

/**
 * Reason codes arrive as Tasklist's JSON list, a Java list over Java API, or text over
 * REST.
 */
class ReviewDecisionVariablesTest {

	@Test
	void readsAJsonListAsTheCamundaFormSubmitsIt() {
		assertThat(ReviewDecisionVariables.reasonCodes(Spin.JSON("[\"photo-unreadable\",\"not-hcp\"]")))
			.containsExactly("photo-unreadable", "not-hcp");
	}

	@Test
	void readsAListOrCommaSeparatedTextAndDropsBlanksAndRepeats() {
		assertThat(ReviewDecisionVariables.reasonCodes(List.of("name-mismatch", "name-mismatch")))
			.containsExactly("name-mismatch");
		assertThat(ReviewDecisionVariables.reasonCodes(" licence-invalid , ,information-incomplete"))
			.containsExactly("licence-invalid", "information-incomplete");
		assertThat(ReviewDecisionVariables.reasonCodes("[\"not-hcp\"]")).containsExactly("not-hcp");
	}

	@Test
	void nothingGivenMeansNoReasons() {
		assertThat(ReviewDecisionVariables.reasonCodes(null)).isEmpty();
		assertThat(ReviewDecisionVariables.reasonCodes(Spin.JSON("[]"))).isEmpty();
	}

}
