package org.hcpgate.journey;

/**
 * A reader task the site can show, as {@link JourneyEngine} answers it: no engine type
 * leaves the door.
 *
 * @param id the task's id
 * @param processInstanceId the instance that waits on it: the zone journey, or the
 * reader's HCP verification
 * @param key the task definition key ({@code submit-credentials}, …)
 * @param step the step the site renders, from the form key {@code site:<step>}
 */
public record ReaderTask(String id, String processInstanceId, String key, String step) {

	boolean isOneOf(String... keys) {
		for (String candidate : keys) {
			if (candidate.equals(this.key)) {
				return true;
			}
		}
		return false;
	}

}
