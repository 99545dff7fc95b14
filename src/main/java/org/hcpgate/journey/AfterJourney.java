package org.hcpgate.journey;

import java.util.Optional;

/**
 * Where 您已通过 sends a reader instead of the article the journey started from: a feature
 * above the journey (a partner site waiting for the verification) says so. The first that
 * answers wins.
 */
public interface AfterJourney {

	/** A path on the site, or empty when this feature has nothing for the reader. */
	Optional<String> returnPath(String readerId, String zoneKey);

}
