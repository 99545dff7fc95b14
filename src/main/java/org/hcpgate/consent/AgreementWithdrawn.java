package org.hcpgate.consent;

/**
 * A reader took back their agreement to a zone (published inside the withdrawing
 * transaction): what rests on that agreement is erased by its listeners.
 */
public record AgreementWithdrawn(String readerId, String zoneKey) {
}
