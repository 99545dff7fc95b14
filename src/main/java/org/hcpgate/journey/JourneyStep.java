package org.hcpgate.journey;

/**
 * Where a reader's journey into a zone stands, as the processes say.
 *
 * @param kind what the site shows
 * @param step for {@link Kind#READER_STEP}: the step of the active reader task
 * ({@code site:<step>} form key); for {@link Kind#ENDED}: the end event id of the last
 * journey
 */
public record JourneyStep(Kind kind, String step) {

	public enum Kind {

		/**
		 * No journey yet, or the last one ended in a way that a new visit starts over.
		 */
		NOT_STARTED,
		/** A reader task is active: render its step. */
		READER_STEP,
		/** A staff task is active: staff are reviewing. */
		IN_REVIEW,
		/** The engine is working (an asynchronous step): look again in a moment. */
		PROCESSING,
		/** The zone is open to the reader. */
		GRANTED,
		/** The last journey ended without access; {@code step} names its end event. */
		ENDED

	}

	static JourneyStep of(Kind kind) {
		return new JourneyStep(kind, null);
	}

}
