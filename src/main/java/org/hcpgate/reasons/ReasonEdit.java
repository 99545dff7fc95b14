package org.hcpgate.reasons;

/** A rejection reason as leads and editors write it. */
public record ReasonEdit(String label, String labelEn, boolean finalByDefault, int position, boolean active) {

}
