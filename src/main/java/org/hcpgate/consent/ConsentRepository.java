package org.hcpgate.consent;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ConsentRepository extends JpaRepository<Consent, Long> {

	List<Consent> findByReaderIdOrderByDecidedAtDescIdDesc(String readerId);

	Optional<Consent> findFirstByReaderIdAndZoneKeyAndDocumentOrderByDecidedAtDescIdDesc(String readerId,
			String zoneKey, Consent.Document document);

}
