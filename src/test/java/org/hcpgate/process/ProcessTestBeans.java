package org.hcpgate.process;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.hcpgate.professions.ProfessionCatalogue;
import org.hcpgate.reasons.ReasonCatalogue;
import org.hcpgate.review.OpenReviewRound;
import org.hcpgate.review.RecordReviewDecision;
import org.hcpgate.review.RequireSecondReviewer;
import org.hcpgate.review.ReviewAssignment;
import org.hcpgate.review.ReviewDecisionService;
import org.hcpgate.review.ReviewService;

/**
 * Stand-ins for the Spring beans the models' expressions call, registered by name with
 * {@link Mocks} (the test engine resolves expressions through the MockExpressionManager).
 * The nested types mirror the signatures promised in docs/process-contract.md; they are
 * public because JUEL invokes their methods reflectively.
 */
public final class ProcessTestBeans {

	/** The catalogue's active codes, as a new installation has them (V31). */
	public static final List<String> REASON_CODES = List.of("photo-unreadable", "name-mismatch", "licence-invalid",
			"not-hcp", "information-incomplete");

	private ProcessTestBeans() {
	}

	/**
	 * The staff tasks' listeners and assignment bean, the real ones (they hold the review
	 * rules: reasons required, four-eyes, back to the last reviewer), with the audit
	 * table mocked.
	 * @return the mocked audit, to verify what was recorded
	 */
	public static ReviewDecisionService registerReviewBeans() {
		ReviewDecisionService decisions = mock(ReviewDecisionService.class);
		ReasonCatalogue reasons = mock(ReasonCatalogue.class);
		when(reasons.isActive(anyString())).thenAnswer(call -> REASON_CODES.contains(call.getArgument(0)));
		when(reasons.formOptions())
			.thenReturn(REASON_CODES.stream().map(code -> Map.of("label", code, "value", code)).toList());
		ProfessionCatalogue professions = mock(ProfessionCatalogue.class);
		Mocks.register("openReviewRound", new OpenReviewRound(reasons, professions, mock(ReviewService.class)));
		Mocks.register("recordReviewDecision", new RecordReviewDecision(decisions, reasons, professions));
		Mocks.register("requireSecondReviewer", new RequireSecondReviewer());
		Mocks.register("reviewAssignment", new ReviewAssignment());
		return decisions;
	}

	/** {@code zoneService}: which steps does a zone ask for? */
	public interface ZoneService {

		boolean hasInformedConsent(String zoneKey);

		boolean hasQuestions(String zoneKey);

		boolean requiresInformationReview(String zoneKey);

	}

	/**
	 * {@code hcpVerificationService}: does a reader hold a valid verification, or is
	 * theirs finally rejected?
	 */
	public interface HcpVerificationService {

		boolean isVerified(String readerId);

		boolean isBarred(String readerId);

	}

	/** {@code journeyEngine}: is an {@code hcp-verification} of the reader running? */
	public interface JourneyEngine {

		boolean isVerificationRunning(String readerId);

	}

	/** {@code verificationSettings}: the {@code hcp-gate.verification.*} properties. */
	public static class VerificationSettings {

		private final int maxAttempts;

		private final String resubmissionTimeout;

		private final Date reviewDueDate;

		private final String reviewEscalation;

		private final String journeyTimeout;

		public VerificationSettings(int maxAttempts, String resubmissionTimeout, Date reviewDueDate,
				String reviewEscalation, String journeyTimeout) {
			this.maxAttempts = maxAttempts;
			this.resubmissionTimeout = resubmissionTimeout;
			this.reviewDueDate = reviewDueDate;
			this.reviewEscalation = reviewEscalation;
			this.journeyTimeout = journeyTimeout;
		}

		/**
		 * The defaults of {@code application.yml}, with the review due at
		 * {@code reviewDueDate}.
		 */
		public static VerificationSettings defaults(Date reviewDueDate) {
			return new VerificationSettings(3, "P30D", reviewDueDate, "PT48H", "P30D");
		}

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public String getResubmissionTimeout() {
			return this.resubmissionTimeout;
		}

		public Date reviewDueDate() {
			return this.reviewDueDate;
		}

		public String getReviewEscalation() {
			return this.reviewEscalation;
		}

		public String getJourneyTimeout() {
			return this.journeyTimeout;
		}

	}

	/** What a delegate or listener saw when the engine called it. */
	public record Call(String activityId, String businessKey, Map<String, Object> variables) {

		static Call of(DelegateExecution execution) {
			return new Call(execution.getCurrentActivityId(), execution.getProcessBusinessKey(),
					new HashMap<>(execution.getVariables()));
		}

	}

	/** What a listener does besides being recorded, as correlating a message. */
	@FunctionalInterface
	public interface ListenerEffect {

		void accept(DelegateExecution execution) throws Exception;

	}

	/**
	 * Registers Mockito mocks of {@link JavaDelegate} and {@link ExecutionListener} under
	 * their bean names and remembers every call, because the execution handed to a
	 * delegate cannot be read once its command has finished.
	 */
	public static final class Delegates {

		private final Map<String, List<Call>> calls = new HashMap<>();

		public JavaDelegate register(String beanName) {
			return register(beanName, () -> {
			});
		}

		/** A delegate mock that also does {@code effect}, as writing a read model. */
		public JavaDelegate register(String beanName, Runnable effect) {
			JavaDelegate delegate = mock(JavaDelegate.class, beanName);
			try {
				doAnswer(invocation -> {
					DelegateExecution execution = invocation.getArgument(0);
					this.calls.computeIfAbsent(beanName, name -> new ArrayList<>()).add(Call.of(execution));
					effect.run();
					return null;
				}).when(delegate).execute(any());
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			Mocks.register(beanName, delegate);
			return delegate;
		}

		/**
		 * An execution listener mock that also does {@code effect} with the execution it
		 * got.
		 */
		public ExecutionListener registerListener(String beanName, ListenerEffect effect) {
			ExecutionListener listener = mock(ExecutionListener.class, beanName);
			try {
				doAnswer(invocation -> {
					DelegateExecution execution = invocation.getArgument(0);
					this.calls.computeIfAbsent(beanName, name -> new ArrayList<>()).add(Call.of(execution));
					effect.accept(execution);
					return null;
				}).when(listener).notify(any());
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			Mocks.register(beanName, listener);
			return listener;
		}

		public ExecutionListener registerListener(String beanName) {
			return registerListener(beanName, execution -> {
			});
		}

		public List<Call> callsOf(String beanName) {
			return this.calls.getOrDefault(beanName, List.of());
		}

		public Call lastCallOf(String beanName) {
			List<Call> made = callsOf(beanName);
			if (made.isEmpty()) {
				throw new AssertionError(beanName + " was never called");
			}
			return made.get(made.size() - 1);
		}

	}

}
