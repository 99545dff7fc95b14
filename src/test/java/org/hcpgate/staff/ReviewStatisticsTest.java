package org.hcpgate.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.util.List;

import org.hcpgate.review.ReviewDecision;
import org.hcpgate.review.ReviewDecisionService;
import org.hcpgate.review.ReviewEngine;
import org.junit.jupiter.api.Test;

/**
 * The leads' time-to-decision chart shows how long readers waited for a review: the
 * audited reopenings and revocations (decided the moment they start) and a lead's
 * confirmation are none of it. They were counted, and pulled the median towards zero.
 */
class ReviewStatisticsTest {

	@Test
	void timeToDecisionCountsTheReviewsOnly() {
		ReviewDecisionService decisions = mock(ReviewDecisionService.class);
		List<ReviewDecision> decided = List.of(decided("review-credentials", Duration.ofHours(3)),
				decided("review-information", Duration.ofHours(5)), decided("revoke-verification", Duration.ZERO),
				decided("reopen-verification", Duration.ZERO), decided("confirm-final-rejection", Duration.ofHours(1)));
		given(decisions.since(any())).willReturn(decided);
		ReviewStatistics statistics = new ReviewStatistics(mock(ReviewEngine.class), decisions);

		ReviewStatistics.TimeToDecision time = statistics.timeToDecision();

		assertThat(time.decisions()).isEqualTo(2);
		assertThat(time.median()).isGreaterThanOrEqualTo(Duration.ofHours(3));
	}

	private static ReviewDecision decided(String taskKey, Duration waited) {
		ReviewDecision decision = mock(ReviewDecision.class);
		given(decision.getTaskKey()).willReturn(taskKey);
		given(decision.getTimeToDecision()).willReturn(waited);
		return decision;
	}

}
