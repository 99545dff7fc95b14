package org.hcpgate.process;

import static org.mockito.Answers.RETURNS_DEFAULTS;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.when;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.mockito.stubbing.Answer;

/**
 * The Spring beans the models' expressions call, registered by name with {@link Mocks}
 * (the test engine resolves expressions through the MockExpressionManager): the real
 * delegates and listeners, constructed around Mockito mocks of the business services they
 * call, and a stand-in for {@code verificationSettings} (public because JUEL invokes its
 * methods reflectively).
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
	 * @param reviews the business service {@code openReviewRound} tells that a review
	 * opened, the same the delegates call
	 * @return the mocked audit, to verify what was recorded
	 */
	public static ReviewDecisionService registerReviewBeans(ReviewService reviews) {
		ReviewDecisionService decisions = mock(ReviewDecisionService.class);
		ReasonCatalogue reasons = mock(ReasonCatalogue.class);
		when(reasons.isActive(anyString())).thenAnswer(call -> REASON_CODES.contains(call.getArgument(0)));
		when(reasons.formOptions())
			.thenReturn(REASON_CODES.stream().map(code -> Map.of("label", code, "value", code)).toList());
		ProfessionCatalogue professions = mock(ProfessionCatalogue.class);
		Mocks.register("openReviewRound", new OpenReviewRound(reasons, professions, reviews));
		Mocks.register("recordReviewDecision", new RecordReviewDecision(decisions, reasons, professions));
		Mocks.register("requireSecondReviewer", new RequireSecondReviewer());
		Mocks.register("reviewAssignment", new ReviewAssignment());
		return decisions;
	}

	/**
	 * What a delegate handed {@code service.method(record)}: one map of the record's
	 * components per call, in order. The review package keeps the records it passes
	 * between its delegates and its service package-private, so the test reads them by
	 * component name.
	 * @param service a Mockito mock
	 * @param method the name of one of its methods taking a record
	 */
	public static List<Map<String, Object>> handed(Object service, String method) {
		Class<?> type = mockingDetails(service).getMockCreationSettings().getTypeToMock();
		if (Arrays.stream(type.getMethods()).noneMatch(m -> m.getName().equals(method))) {
			throw new IllegalArgumentException(type.getSimpleName() + " has no method " + method);
		}
		return mockingDetails(service).getInvocations()
			.stream()
			.filter(invocation -> invocation.getMethod().getName().equals(method))
			.map(invocation -> components(invocation.getArgument(0)))
			.toList();
	}

	/**
	 * What a delegate handed {@code service.method(record)}, called exactly once.
	 * @see #handed(Object, String)
	 */
	public static Map<String, Object> handedOnce(Object service, String method) {
		List<Map<String, Object>> calls = handed(service, method);
		if (calls.size() != 1) {
			throw new AssertionError(method + " was called " + calls.size() + " times, not once: " + calls);
		}
		return calls.get(0);
	}

	private static Map<String, Object> components(Object record) {
		if (record == null || !record.getClass().isRecord()) {
			throw new IllegalArgumentException("not a record: " + record);
		}
		Map<String, Object> values = new LinkedHashMap<>();
		for (RecordComponent component : record.getClass().getRecordComponents()) {
			Method accessor = component.getAccessor();
			accessor.setAccessible(true);
			try {
				values.put(component.getName(), accessor.invoke(record));
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return values;
	}

	/**
	 * A mock's default answer that also does {@code effect} when {@code method} is
	 * called, as writing a read model; for a method whose parameter type the test cannot
	 * name (a package-private record).
	 */
	public static Answer<Object> doing(String method, Runnable effect) {
		return invocation -> {
			if (invocation.getMethod().getName().equals(method)) {
				effect.run();
			}
			return RETURNS_DEFAULTS.answer(invocation);
		};
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

	/**
	 * Registers the real delegates and listeners under their bean names, each wrapped in
	 * a Mockito spy: the real code runs (against the mocked business services it was
	 * constructed with), and the spy remembers every call, because the execution handed
	 * to a delegate cannot be read once its command has finished.
	 */
	public static final class Delegates {

		private final Map<String, List<Call>> calls = new HashMap<>();

		/**
		 * @param beanName the delegate's Spring bean name, the one the model's
		 * {@code delegateExpression} names
		 * @param delegate the real delegate
		 * @return the spy registered, for {@code verify}
		 */
		public <T extends JavaDelegate> T register(String beanName, T delegate) {
			T spy = spy(delegate);
			try {
				doAnswer(invocation -> {
					remember(beanName, invocation.getArgument(0));
					return invocation.callRealMethod();
				}).when(spy).execute(any());
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			Mocks.register(beanName, spy);
			return spy;
		}

		/**
		 * @param beanName the listener's Spring bean name
		 * @param listener the real execution listener
		 * @return the spy registered, for {@code verify}
		 */
		public <T extends ExecutionListener> T registerListener(String beanName, T listener) {
			T spy = spy(listener);
			try {
				doAnswer(invocation -> {
					remember(beanName, invocation.getArgument(0));
					return invocation.callRealMethod();
				}).when(spy).notify(any());
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			Mocks.register(beanName, spy);
			return spy;
		}

		private void remember(String beanName, DelegateExecution execution) {
			this.calls.computeIfAbsent(beanName, name -> new ArrayList<>()).add(Call.of(execution));
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
