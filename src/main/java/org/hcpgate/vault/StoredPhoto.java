package org.hcpgate.vault;

/** A licence photo in the store: its file name there and its checked content type. */
public record StoredPhoto(String fileName, String contentType) {
}
