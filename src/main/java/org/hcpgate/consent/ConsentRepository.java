package org.hcpgate.consent;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;

public interface ConsentRepository extends JpaRepository<Consent, Long> {

	List<Consent> findByReaderIdOrderByDecidedAtDescIdDesc(String readerId);

	long countByZoneKeyAndDocumentAndDocumentVersionAndChoice(String zoneKey, Consent.Document document, int version,
			Consent.Choice choice);

	List<Consent> findByZoneKeyAndDocumentAndDocumentVersionAndChoiceOrderByDecidedAtDescIdDesc(String zoneKey,
			Consent.Document document, int version, Consent.Choice choice, Pageable page);

	Optional<Consent> findFirstByReaderIdAndZoneKeyAndDocumentOrderByDecidedAtDescIdDesc(String readerId,
			String zoneKey, Consent.Document document);

	/** Erasure: the client addresses go, the decisions stay (reader id only). */
	@Modifying
	@Query("update Consent c set c.clientAddress = null where c.readerId = :readerId")
	int forgetClientAddresses(String readerId);

}
