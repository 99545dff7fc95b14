/**
 * The reviewers' rejection reasons as data (ground floor): code, labels in both
 * languages, retryable or final by default, active or retired. The review forms take
 * their checklist from it, the staff listeners accept only its active codes, and every
 * page and e-mail reads a code's label from it, retired codes too.
 */
package org.hcpgate.reasons;
