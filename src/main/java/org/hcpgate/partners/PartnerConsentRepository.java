package org.hcpgate.partners;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface PartnerConsentRepository extends JpaRepository<PartnerConsent, Long> {

	Optional<PartnerConsent> findFirstByReaderIdAndClientIdOrderByIdDesc(String readerId, String clientId);

	List<PartnerConsent> findByReaderIdOrderByIdDesc(String readerId);

	long deleteByReaderId(String readerId);

}
