package org.hcpgate.credentials;

import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import org.hcpgate.vault.PersonalDataCrypto;

/**
 * Encrypts a submission's licence number before it is first written and decrypts it when
 * loaded; the reader id is part of the associated data, so a ciphertext only opens on its
 * own reader's row. Hibernate has Spring create it (Boot's SpringBeanContainer), so the
 * constructor is injected.
 */
class LicenceNumberEncryption {

	static final String HASH_PURPOSE = "licence-number";

	private final PersonalDataCrypto crypto;

	LicenceNumberEncryption(PersonalDataCrypto crypto) {
		this.crypto = crypto;
	}

	@PrePersist
	void encrypt(CredentialSubmission submission) {
		if (submission.getLicenceNumberEncrypted() == null && submission.getLicenceNumber() != null) {
			submission.setLicenceNumberEncrypted(
					this.crypto.encrypt(submission.getLicenceNumber(), context(submission.getReaderId())),
					hash(submission.getLicenceNumber()));
		}
	}

	@PostLoad
	void decrypt(CredentialSubmission submission) {
		String encrypted = submission.getLicenceNumberEncrypted();
		submission.setLicenceNumberInClear(
				(encrypted != null) ? this.crypto.decrypt(encrypted, context(submission.getReaderId())) : null);
	}

	String hash(String licenceNumber) {
		return this.crypto.hash(licenceNumber, HASH_PURPOSE);
	}

	static String context(String readerId) {
		return "credential_submission.licence_number:reader=" + readerId;
	}

}
