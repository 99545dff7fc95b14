package org.hcpgate.journey;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hcpgate.credentials.PendingPhoto;
import org.hcpgate.vault.StoredDocument;
import org.hcpgate.readers.Reader;

import jakarta.servlet.http.HttpSession;

/**
 * Documents accepted with a form step that came back with errors, by field key: kept in
 * the reader's session (in the database, so any node sees them), never named by the
 * request, so the reader need not upload them again.
 */
record PendingDocuments(String readerId, String taskKey,
		LinkedHashMap<String, PendingPhoto> byField) implements Serializable {

	private static final String ATTRIBUTE = PendingDocuments.class.getName();

	static PendingDocuments of(HttpSession session, Reader reader, String taskKey) {
		Object kept = session.getAttribute(ATTRIBUTE);
		if (kept instanceof PendingDocuments pending && pending.readerId.equals(reader.getReaderId())
				&& pending.taskKey.equals(taskKey)) {
			return pending;
		}
		return new PendingDocuments(reader.getReaderId(), taskKey, new LinkedHashMap<>());
	}

	void keep(HttpSession session) {
		session.setAttribute(ATTRIBUTE, this);
	}

	static void clear(HttpSession session) {
		session.removeAttribute(ATTRIBUTE);
	}

	Map<String, StoredDocument> documents() {
		Map<String, StoredDocument> documents = new LinkedHashMap<>();
		this.byField.forEach((key, pending) -> documents.put(key, pending.toStoredDocument()));
		return documents;
	}

}
