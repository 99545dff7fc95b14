package org.hcpgate.journey;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hcpgate.readers.Reader;

import jakarta.servlet.http.HttpSession;

/**
 * The documents of one step accepted with a page that came back with errors, by field
 * key: kept in the reader's session (in the database, so any node sees them), never named
 * by the request, so the reader need not upload them again. Another reader's or another
 * step's are not these.
 */
record PendingDocuments(String readerId, String step,
		LinkedHashMap<String, PendingDocument> byField) implements Serializable {

	private static final String ATTRIBUTE = PendingDocuments.class.getName();

	static PendingDocuments of(HttpSession session, Reader reader, String step) {
		Object kept = session.getAttribute(ATTRIBUTE);
		if (kept instanceof PendingDocuments pending && pending.readerId.equals(reader.getReaderId())
				&& pending.step.equals(step)) {
			return pending;
		}
		return new PendingDocuments(reader.getReaderId(), step, new LinkedHashMap<>());
	}

	void keep(HttpSession session) {
		session.setAttribute(ATTRIBUTE, this);
	}

	static void clear(HttpSession session) {
		session.removeAttribute(ATTRIBUTE);
	}

	PendingDocument get(String field) {
		return this.byField.get(field);
	}

}
