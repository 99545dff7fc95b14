package org.hcpgate.verification;

import org.hcpgate.verification.HcpVerification.Status;

/**
 * Published inside the writing transaction when a reader's verification stops holding:
 * the read model leaves {@code VERIFIED} for another status (revoked, finally rejected,
 * or any other). A feature that handed the verification on (the partners' tokens) listens
 * and ends what rested on it, in the same transaction. An expiry writes nothing and
 * publishes nothing: whoever relies on the verification asks
 * {@link HcpVerificationService#isVerified} when it matters.
 */
public record HcpVerificationEnded(String readerId, Status status) {
}
