package org.hcpgate.verification;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ZoneAccessRepository extends JpaRepository<ZoneAccess, Long> {

	boolean existsByReaderIdAndZoneKey(String readerId, String zoneKey);

	List<ZoneAccess> findByReaderId(String readerId);

}
