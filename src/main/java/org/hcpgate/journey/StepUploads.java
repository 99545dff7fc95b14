package org.hcpgate.journey;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hcpgate.forms.FormError;
import org.hcpgate.readers.Reader;
import org.hcpgate.vault.DocumentStore;
import org.hcpgate.vault.StoredDocument;
import org.hcpgate.vault.UnacceptableDocumentException;
import org.hcpgate.vault.UploadIntake;
import org.hcpgate.vault.UploadQuotaExceededException;
import org.hcpgate.vault.UploadTooLargeException;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartRequest;
import org.springframework.web.util.WebUtils;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The one way in for the documents a reader sends with a step of the journey (the licence
 * photo of 完善信息, the files of a form step). Each file goes through the vault's intake; a
 * file accepted with a page that comes back with errors stays with the reader's session
 * and is replaced by the next one sent for the same field; a file whose step another
 * request took first (a double click, a second tab) is discarded; and the intake's
 * refusals become the page's messages.
 */
@Component
class StepUploads {

	private final UploadIntake intake;

	private final DocumentStore store;

	StepUploads(UploadIntake intake, DocumentStore store) {
		this.intake = intake;
		this.store = store;
	}

	/**
	 * Accepts what the request carries for the step's document fields, beside what the
	 * session kept of the step's last try.
	 */
	Received receive(HttpServletRequest request, HttpSession session, Reader reader, String step,
			Collection<String> fields) {
		Received received = new Received(reader.getReaderId(), PendingDocuments.of(session, reader, step));
		MultipartRequest multipart = WebUtils.getNativeRequest(request, MultipartRequest.class);
		for (String field : fields) {
			if (request.getAttribute(UploadIntake.OVERSIZED) != null) {
				// far over the limit: the file was never read, the text fields were
				received.errors.put(field, tooLarge());
				continue;
			}
			MultipartFile file = (multipart != null) ? multipart.getFile(field) : null;
			if (file == null || file.isEmpty()) {
				continue;
			}
			try {
				StoredDocument accepted = this.intake.accept(file, reader.getReaderId());
				received.uploaded.add(accepted);
				PendingDocument replaced = received.pending.byField().put(field, PendingDocument.of(accepted));
				if (replaced != null) {
					// the new file replaces the one kept from the last try
					this.store.discard(replaced.fileName(), reader.getReaderId());
				}
			}
			catch (UploadTooLargeException ex) {
				received.errors.put(field, tooLarge());
			}
			catch (UploadQuotaExceededException ex) {
				received.errors.put(field, new FormError("credentials.photo.quota", List.of()));
			}
			catch (UnacceptableDocumentException ex) {
				received.errors.put(field, new FormError("credentials.photo.type", List.of()));
			}
		}
		return received;
	}

	/** What the kept documents of a step are, for the page that shows the step. */
	Map<String, PendingDocument> kept(HttpSession session, Reader reader, String step) {
		return PendingDocuments.of(session, reader, step).byField();
	}

	/** The largest document accepted, as the pages tell the reader. */
	String maxSize() {
		return this.intake.getMaxPhotoSize().toMegabytes() + " MB";
	}

	private FormError tooLarge() {
		return new FormError("credentials.photo.too-large", List.of(maxSize()));
	}

	/** The documents of one request, with what the session kept. */
	final class Received {

		private final String readerId;

		private final PendingDocuments pending;

		private final Map<String, FormError> errors = new LinkedHashMap<>();

		private final List<StoredDocument> uploaded = new ArrayList<>();

		private Received(String readerId, PendingDocuments pending) {
			this.readerId = readerId;
			this.pending = pending;
		}

		/** The intake's refusals, by field. */
		Map<String, FormError> errors() {
			return this.errors;
		}

		/** The step's documents by field: sent now, or kept from the last try. */
		Map<String, StoredDocument> documents() {
			Map<String, StoredDocument> documents = new LinkedHashMap<>();
			this.pending.byField().forEach((field, document) -> documents.put(field, document.toStoredDocument()));
			return documents;
		}

		Map<String, PendingDocument> byField() {
			return this.pending.byField();
		}

		Set<String> fields() {
			return this.pending.byField().keySet();
		}

		/** The step took the documents: nothing is pending any more. */
		void taken(HttpSession session) {
			PendingDocuments.clear(session);
		}

		/**
		 * Another request took the step first, with its own documents: the ones sent now
		 * are no one's and go now (those kept from before may be the winner's and are
		 * left to the store's expiry).
		 */
		void lostTheRace(HttpSession session) {
			this.uploaded.forEach(document -> StepUploads.this.store.discard(document.fileName(), this.readerId));
			PendingDocuments.clear(session);
		}

		/**
		 * The kept documents expired in the store before the step took them: the reader
		 * sends them again.
		 * @return the fields that lost theirs
		 */
		Set<String> forgetExpired() {
			Set<String> expired = Set.copyOf(this.pending.byField().keySet());
			this.pending.byField().clear();
			return expired;
		}

		/** The page comes back with errors: what was accepted waits for the next try. */
		void keep(HttpSession session) {
			this.pending.keep(session);
		}

	}

}
