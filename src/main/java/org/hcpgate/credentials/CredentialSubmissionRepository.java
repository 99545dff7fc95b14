package org.hcpgate.credentials;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CredentialSubmissionRepository extends JpaRepository<CredentialSubmission, Long> {

	Optional<CredentialSubmission> findFirstByReaderIdOrderBySubmittedAtDescIdDesc(String readerId);

	Optional<CredentialSubmission> findFirstByVerificationIdOrderByAttemptDesc(String verificationId);

	List<CredentialSubmission> findByReaderIdOrderBySubmittedAtDesc(String readerId);

	/** The same licence number (by its keyed hash) submitted by another reader. */
	boolean existsByLicenceNumberHashAndReaderIdNot(String licenceNumberHash, String readerId);

}
