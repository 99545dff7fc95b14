package org.hcpgate.readers;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

public interface ReaderAccountRepository extends JpaRepository<ReaderAccount, Long> {

	Optional<ReaderAccount> findByUsername(String username);

	boolean existsByUsername(String username);

	boolean existsByEmail(String email);

	Optional<ReaderAccount> findByEmail(String email);

	/** Serialises one reader's journey starts across requests and nodes (row lock). */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from ReaderAccount r where r.id = :id")
	Optional<ReaderAccount> lockById(Long id);

}
