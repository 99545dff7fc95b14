package org.hcpgate.answers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hcpgate.forms.FormCheck;
import org.hcpgate.forms.ReaderForm;
import org.hcpgate.readers.ReaderDataErased;
import org.hcpgate.vault.DocumentStore;
import org.hcpgate.vault.PersonalDataCrypto;
import org.hcpgate.vault.StoredDocument;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps a reader's answers to a form step: one encrypted JSON document per submission,
 * the documents taken from the photo store (checked, sanitised, encrypted on the way in
 * as a licence photo is). Erased with the reader: the rows here, the documents with the
 * reader's photos.
 */
@Service
public class FormAnswerService {

	/** How a document answer is stored in the JSON: the store's file and its type. */
	static final String DOCUMENT = "document";

	static final String CONTENT_TYPE = "contentType";

	private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
	};

	private final FormAnswersRepository repository;

	private final DocumentStore documents;

	private final PersonalDataCrypto crypto;

	private final ObjectMapper json = new ObjectMapper();

	private final Clock clock;

	FormAnswerService(FormAnswersRepository repository, DocumentStore documents, PersonalDataCrypto crypto) {
		this.repository = repository;
		this.documents = documents;
		this.crypto = crypto;
		this.clock = Clock.systemUTC();
	}

	/** What is stored of one submission, in clear. */
	public record StoredAnswers(FormAnswers row, Map<String, Object> values) {

		/** The stored document of a field, if it has one. */
		public Optional<StoredDocument> document(String key) {
			return (this.values.get(key) instanceof Map<?, ?> stored && stored.get(DOCUMENT) instanceof String file)
					? Optional.of(new StoredDocument(file, String.valueOf(stored.get(CONTENT_TYPE))))
					: Optional.empty();
		}

	}

	/**
	 * Saves checked answers and takes the accepted documents (they no longer expire), in
	 * the transaction that completes the reader's step.
	 * @throws MissingDocumentException when a document is no pending document of this
	 * reader (any more)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public FormAnswers save(String readerId, String zoneKey, String processInstanceId, String taskKey, ReaderForm form,
			FormCheck check, Map<String, StoredDocument> documents) {
		Map<String, Object> content = new LinkedHashMap<>(check.answers());
		documents.forEach((key, document) -> {
			this.documents.attach(document.fileName(), readerId);
			content.put(key, Map.of(DOCUMENT, document.fileName(), CONTENT_TYPE, document.contentType()));
		});
		FormAnswers answers = new FormAnswers(readerId, zoneKey, processInstanceId, taskKey, form.id(),
				this.clock.instant());
		answers.setContentEncrypted(encrypt(content, readerId, form.id()));
		return this.repository.saveAndFlush(answers);
	}

	/**
	 * One stored submission, in clear (for staff: their access is checked and logged).
	 */
	@Transactional(readOnly = true)
	public Optional<StoredAnswers> find(long id) {
		return this.repository.findById(id).map(this::inClear);
	}

	/** The reader's answers to form steps, newest first (their rows only: no content). */
	@Transactional(readOnly = true)
	public List<FormAnswers> ofReader(String readerId) {
		return this.repository.findByReaderIdOrderByIdDesc(readerId);
	}

	/** The reader's last answers to this form, to fill the form again. */
	@Transactional(readOnly = true)
	public Optional<StoredAnswers> latest(String readerId, String formId) {
		return this.repository.findFirstByReaderIdAndFormIdOrderByIdDesc(readerId, formId).map(this::inClear);
	}

	/** A stored document in clear; the reader id is the encryption's associated data. */
	public InputStream openDocument(StoredAnswers answers, StoredDocument document) throws IOException {
		return this.documents.open(document.fileName(), answers.row().getReaderId());
	}

	/** Erasure: the answers go with the reader, or with the zone the reader left. */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void onReaderDataErased(ReaderDataErased erased) {
		List<FormAnswers> rows = (erased.zoneKey() != null)
				? this.repository.findByReaderIdAndZoneKey(erased.readerId(), erased.zoneKey())
				: this.repository.findByReaderId(erased.readerId());
		if (erased.zoneKey() != null) {
			// a zone left: its documents go too (a whole reader's go with all the photos)
			List<String> files = rows.stream()
				.map(this::inClear)
				.flatMap(answers -> answers.values().keySet().stream().map(answers::document).flatMap(Optional::stream))
				.map(StoredDocument::fileName)
				.toList();
			files.forEach(this.documents::erase);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					files.forEach(FormAnswerService.this.documents::deleteFile);
				}
			});
		}
		this.repository.deleteAll(rows);
	}

	private StoredAnswers inClear(FormAnswers row) {
		try {
			String clear = this.crypto.decrypt(row.getContentEncrypted(), context(row.getReaderId(), row.getFormId()));
			return new StoredAnswers(row, this.json.readValue(clear, MAP));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String encrypt(Map<String, Object> content, String readerId, String formId) {
		try {
			return this.crypto.encrypt(this.json.writeValueAsString(content), context(readerId, formId));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String context(String readerId, String formId) {
		return "form-answers:" + readerId + ":" + formId;
	}

}
