package org.hcpgate.verification;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.Date;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * {@code hcp-gate.verification.*}. The models read it as bean
 * {@code verificationSettings} (attempt limit, resubmission timer, review due date), so
 * operators tune the journey by configuration.
 */
@Component("verificationSettings")
@ConfigurationProperties("hcp-gate.verification")
public class VerificationSettings {

	/** Review rounds a reader gets before a rejection becomes final. */
	private int maxAttempts = 3;

	/**
	 * ISO-8601 duration an unanswered resubmission waits before the verification is
	 * abandoned.
	 */
	private String resubmissionTimeout = "P30D";

	/** ISO-8601 duration after which a waiting review also goes to the review leads. */
	private String reviewEscalation = "PT48H";

	/**
	 * ISO-8601 duration a reader step of a zone journey waits before the journey is
	 * abandoned.
	 */
	private String journeyTimeout = "P30D";

	/** How long a review may wait before it is due. */
	private Duration reviewDue = Duration.ofHours(48);

	/** How long an approved verification stays valid. */
	private Period validity = Period.ofDays(365);

	public int getMaxAttempts() {
		return this.maxAttempts;
	}

	public void setMaxAttempts(int maxAttempts) {
		this.maxAttempts = maxAttempts;
	}

	public String getResubmissionTimeout() {
		return this.resubmissionTimeout;
	}

	public void setResubmissionTimeout(String resubmissionTimeout) {
		this.resubmissionTimeout = resubmissionTimeout;
	}

	public String getReviewEscalation() {
		return this.reviewEscalation;
	}

	public void setReviewEscalation(String reviewEscalation) {
		this.reviewEscalation = reviewEscalation;
	}

	public String getJourneyTimeout() {
		return this.journeyTimeout;
	}

	public void setJourneyTimeout(String journeyTimeout) {
		this.journeyTimeout = journeyTimeout;
	}

	public Duration getReviewDue() {
		return this.reviewDue;
	}

	public void setReviewDue(Duration reviewDue) {
		this.reviewDue = reviewDue;
	}

	public Period getValidity() {
		return this.validity;
	}

	public void setValidity(Period validity) {
		this.validity = validity;
	}

	/**
	 * Due date of a review task created now. The system clock, as the engine's in
	 * production; the process tests, which move the engine's clock, stand in a bean of
	 * their own for this one.
	 */
	public Date reviewDueDate() {
		return Date.from(Instant.now().plus(this.reviewDue));
	}

}
