package org.hcpgate.readers;

/**
 * Published inside the erasing transaction, after the app's own tables and the engine are
 * done: a feature that keeps more of the reader's data (an inbox, mail logs) listens and
 * erases its own. {@code zoneKey} is null when the whole reader is erased;
 * {@code accountDeleted} says the account itself is gone.
 */
public record ReaderDataErased(String readerId, String zoneKey, boolean accountDeleted) {
}
