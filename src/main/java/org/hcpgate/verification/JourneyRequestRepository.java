package org.hcpgate.verification;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface JourneyRequestRepository extends JpaRepository<JourneyRequest, Long> {

	Optional<JourneyRequest> findByReaderIdAndZoneKey(String readerId, String zoneKey);

	@Modifying
	@Query("delete from JourneyRequest r where r.readerId = :readerId")
	int deleteByReader(String readerId);

	@Modifying
	@Query("delete from JourneyRequest r where r.readerId = :readerId and r.zoneKey = :zoneKey")
	int deleteByReaderAndZone(String readerId, String zoneKey);

}
