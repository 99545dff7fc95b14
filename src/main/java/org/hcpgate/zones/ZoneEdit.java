package org.hcpgate.zones;

/**
 * What an editor sets of a zone (its key is set once, at creation). An informed consent
 * with a blank body means the zone asks none.
 */
public record ZoneEdit(String name, String description, int position, boolean published, String audienceNotice,
		String informedConsentTitle, String informedConsentBody, boolean informationReview) {
}
