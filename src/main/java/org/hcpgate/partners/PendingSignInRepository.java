package org.hcpgate.partners;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PendingSignInRepository extends JpaRepository<PendingSignIn, String> {

	/** The sign-ins still waiting for this reader, newest first. */
	List<PendingSignIn> findByReaderIdAndExpiresAtAfterOrderByCreatedAtDesc(String readerId, Instant now);

	List<PendingSignIn> findByReaderIdAndClientId(String readerId, String clientId);

	@Modifying
	@Query("delete from PendingSignIn p where p.readerId = ?1")
	int deleteByReaderId(String readerId);

	@Modifying
	@Query("delete from PendingSignIn p where p.expiresAt < ?1")
	int deleteExpired(Instant now);

}
