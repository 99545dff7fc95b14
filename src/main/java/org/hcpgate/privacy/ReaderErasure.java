package org.hcpgate.privacy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.hcpgate.answers.AnswerSet;
import org.hcpgate.answers.AnswerSetRepository;
import org.hcpgate.consent.AgreementWithdrawn;
import org.hcpgate.consent.ConsentRepository;
import org.hcpgate.consent.ConsentService;
import org.hcpgate.credentials.CredentialSubmission;
import org.hcpgate.credentials.CredentialSubmissionRepository;
import org.hcpgate.vault.DocumentStore;
import org.hcpgate.journey.JourneyEngine;
import org.hcpgate.privacy.ErasureRecord.Reason;
import org.hcpgate.readers.ReaderAccountRepository;
import org.hcpgate.readers.ReaderDataErased;
import org.hcpgate.verification.HcpVerificationRepository;
import org.hcpgate.verification.ZoneAccessService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Erases a reader's personal data; which trigger erases what:
 * <table>
 * <tr>
 * <th>trigger</th>
 * <th>erased</th>
 * </tr>
 * <tr>
 * <td>withdrawing a zone's agreement</td>
 * <td>the zone closes (consent); the reader's answers to the zone's questions; the zone's
 * journeys in the engine, running (cancelled, with a verification they wait for) and
 * ended (history).</td>
 * </tr>
 * <tr>
 * <td>withdrawing the last agreement in force (the identity-verification agreement is
 * then withdrawn everywhere)</td>
 * <td>the above, plus the HCP verification: every credential submission (name, hospital,
 * department, title, licence number, review notes), the licence photo files, the
 * verification read model, every zone access, and every process instance of the reader
 * with its history.</td>
 * </tr>
 * <tr>
 * <td>deleting the account</td>
 * <td>all of the above for every zone, and the account itself (user name, display name,
 * e-mail, password hash); the consent records lose their client address.</td>
 * </tr>
 * </table>
 * What stays for the audit: the consent decisions (reader id, zone, document, version,
 * choice, time) and one {@link ErasureRecord} per erasure; the reader id is a number
 * that, once the account is gone, points to nobody. Engine and app tables change in one
 * transaction; the files go after it commits.
 */
@Service
public class ReaderErasure {

	private static final Logger log = LoggerFactory.getLogger(ReaderErasure.class);

	private final JourneyEngine processes;

	private final CredentialSubmissionRepository submissions;

	private final AnswerSetRepository answerSets;

	private final HcpVerificationRepository verifications;

	private final ZoneAccessService zoneAccess;

	private final ConsentService consentService;

	private final ConsentRepository consents;

	private final ReaderAccountRepository accounts;

	private final DocumentStore photos;

	private final ErasureRecordRepository records;

	private final ApplicationEventPublisher events;

	ReaderErasure(JourneyEngine processes, CredentialSubmissionRepository submissions, AnswerSetRepository answerSets,
			HcpVerificationRepository verifications, ZoneAccessService zoneAccess, ConsentService consentService,
			ConsentRepository consents, ReaderAccountRepository accounts, DocumentStore photos,
			ErasureRecordRepository records, ApplicationEventPublisher events) {
		this.processes = processes;
		this.submissions = submissions;
		this.answerSets = answerSets;
		this.verifications = verifications;
		this.zoneAccess = zoneAccess;
		this.consentService = consentService;
		this.consents = consents;
		this.accounts = accounts;
		this.photos = photos;
		this.records = records;
		this.events = events;
	}

	/** Runs inside the withdrawal's transaction (published by {@code ConsentService}). */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	public void agreementWithdrawn(AgreementWithdrawn withdrawal) {
		String readerId = withdrawal.readerId();
		if (this.consentService.zonesAgreedTo(readerId).isEmpty()) {
			eraseReader(readerId, Reason.LAST_AGREEMENT_WITHDRAWN);
		}
		else {
			List<AnswerSet> answers = this.answerSets.findByReaderIdAndZoneKey(readerId, withdrawal.zoneKey());
			this.answerSets.deleteAll(answers);
			int instances = this.processes.eraseZone(readerId, withdrawal.zoneKey());
			record(new ErasureRecord(readerId, Reason.AGREEMENT_WITHDRAWN, "zone:" + withdrawal.zoneKey(), 0, 0,
					answers.size(), instances));
			this.events.publishEvent(new ReaderDataErased(readerId, withdrawal.zoneKey(), false));
		}
	}

	/**
	 * The reader deletes the account: everything goes, the consent decisions stay by id.
	 */
	@Transactional
	public ErasureRecord deleteAccount(long accountId) {
		String readerId = String.valueOf(accountId);
		ErasureRecord record = eraseReader(readerId, Reason.ACCOUNT_DELETED);
		this.consents.forgetClientAddresses(readerId);
		this.accounts.deleteById(accountId);
		this.events.publishEvent(new ReaderDataErased(readerId, null, true));
		return record;
	}

	private ErasureRecord eraseReader(String readerId, Reason reason) {
		int instances = this.processes.eraseReader(readerId);
		List<CredentialSubmission> attempts = this.submissions.findByReaderIdOrderBySubmittedAtDesc(readerId);
		Set<String> files = new LinkedHashSet<>();
		attempts.forEach(a -> files.add(a.getPhotoFile()));
		// and the photos no attempt took (a form that came back, a second click)
		files.addAll(this.photos.documentsOf(readerId));
		this.submissions.deleteAll(attempts);
		files.forEach(this.photos::erase);
		List<AnswerSet> answers = this.answerSets.findByReaderId(readerId);
		this.answerSets.deleteAll(answers);
		this.verifications.findById(readerId).ifPresent(this.verifications::delete);
		this.zoneAccess.revokeAll(readerId);
		deleteFilesAfterCommit(files);
		ErasureRecord record = record(new ErasureRecord(readerId, reason, "reader", attempts.size(), files.size(),
				answers.size(), instances));
		if (reason != Reason.ACCOUNT_DELETED) {
			this.events.publishEvent(new ReaderDataErased(readerId, null, false));
		}
		return record;
	}

	private ErasureRecord record(ErasureRecord record) {
		ErasureRecord saved = this.records.save(record);
		// ids and counts only: never a value of the erased data
		log.info("Erased reader {} ({}, {}): {} submissions, {} photos, {} answer sets, {} process instances",
				saved.getReaderId(), saved.getReason(), saved.getScope(), saved.getSubmissions(), saved.getPhotos(),
				saved.getAnswerSets(), saved.getProcessInstances());
		return saved;
	}

	/**
	 * Files are not transactional: they go once the rows that name them are gone for
	 * good.
	 */
	private void deleteFilesAfterCommit(Set<String> files) {
		if (files.isEmpty()) {
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				files.forEach(ReaderErasure.this.photos::deleteFile);
			}
		});
	}

}
