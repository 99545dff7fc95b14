package org.hcpgate.vault;

/** A document in the store: its file name there and its checked content type. */
public record StoredDocument(String fileName, String contentType) {
}
