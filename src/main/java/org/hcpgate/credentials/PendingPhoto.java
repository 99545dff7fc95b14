package org.hcpgate.credentials;

import java.io.Serializable;

import org.hcpgate.readers.Reader;

import jakarta.servlet.http.HttpSession;
import org.hcpgate.vault.StoredDocument;

/**
 * A licence photo that was accepted with a form that came back with errors: kept in the
 * reader's session (never named by the request), so the reader need not upload it again.
 */
public record PendingPhoto(String readerId, String fileName, String contentType) implements Serializable {

	private static final String ATTRIBUTE = PendingPhoto.class.getName();

	public static void keep(HttpSession session, Reader reader, StoredDocument photo) {
		session.setAttribute(ATTRIBUTE, new PendingPhoto(reader.getReaderId(), photo.fileName(), photo.contentType()));
	}

	public static PendingPhoto of(HttpSession session, Reader reader) {
		Object pending = session.getAttribute(ATTRIBUTE);
		return (pending instanceof PendingPhoto photo && photo.readerId().equals(reader.getReaderId())) ? photo : null;
	}

	public static void clear(HttpSession session, Reader reader) {
		if (of(session, reader) != null) {
			session.removeAttribute(ATTRIBUTE);
		}
	}

	public StoredDocument toStoredDocument() {
		return new StoredDocument(this.fileName, this.contentType);
	}

	public boolean isImage() {
		return this.contentType.startsWith("image/");
	}

}
