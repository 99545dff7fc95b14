package org.hcpgate.zones;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface AgreementVersionRepository extends JpaRepository<AgreementVersion, Long> {

	/** Published versions newest first, then the draft (version null) last. */
	List<AgreementVersion> findByZoneKeyOrderByVersionDesc(String zoneKey);

	Optional<AgreementVersion> findFirstByZoneKeyAndVersionIsNull(String zoneKey);

	Optional<AgreementVersion> findByZoneKeyAndVersion(String zoneKey, int version);

	Optional<AgreementVersion> findByZoneKeyAndCmsId(String zoneKey, String cmsId);

}
