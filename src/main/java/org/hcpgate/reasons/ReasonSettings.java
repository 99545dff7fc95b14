package org.hcpgate.reasons;

/** A rejection reason as leads and editors write it. */
public record ReasonSettings(String label, String labelEn, boolean finalByDefault, int position, boolean active) {

}
