package org.hcpgate.accounts;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PendingRegistrationRepository extends JpaRepository<PendingRegistration, Long> {

	Optional<PendingRegistration> findByTokenHash(String tokenHash);

	@Modifying
	@Query("delete from PendingRegistration p where p.expiresAt <= ?1")
	int deleteExpired(Instant now);

}
