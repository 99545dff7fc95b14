package org.hcpgate.journey;

import java.io.Serializable;

import org.hcpgate.vault.StoredDocument;

/**
 * A document the vault accepted with a page that came back with errors: kept in the
 * reader's session until the step is sent again.
 */
public record PendingDocument(String fileName, String contentType) implements Serializable {

	static PendingDocument of(StoredDocument document) {
		return new PendingDocument(document.fileName(), document.contentType());
	}

	StoredDocument toStoredDocument() {
		return new StoredDocument(this.fileName, this.contentType);
	}

	public boolean isImage() {
		return this.contentType.startsWith("image/");
	}

}
