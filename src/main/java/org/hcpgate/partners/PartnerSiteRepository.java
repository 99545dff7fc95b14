package org.hcpgate.partners;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

interface PartnerSiteRepository extends JpaRepository<PartnerSite, String> {

	List<PartnerSite> findAllByOrderByName();

	/**
	 * The row locked: two administrators changing one partner make two versions in turn.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select p from PartnerSite p where p.clientId = ?1")
	Optional<PartnerSite> findForChange(String clientId);

}
