/**
 * Erasure of a reader's personal data: what withdrawing an agreement and deleting the
 * account erase (app tables, licence photo files, the engine's runtime and history), and
 * the record without personal data that stays for the audit.
 * {@link org.hcpgate.privacy.ReaderErasure} says which trigger erases what.
 */
package org.hcpgate.privacy;
