package org.hcpgate.review;

/**
 * A reader's journey into a zone, as far as a link back to it needs: the zone, and the
 * article the reader asked for when it started (variable {@code requestedArticleId}), if
 * any.
 */
public record JourneyRef(String zoneKey, Long requestedArticleId) {
}
