package org.hcpgate.verification;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface ZoneAccessRepository extends JpaRepository<ZoneAccess, Long> {

	boolean existsByReaderIdAndZoneKey(String readerId, String zoneKey);

	/**
	 * The gate's one query: the zone was granted and the reader's HCP verification is still
	 * valid (both rows found by their keys).
	 */
	@Query("""
			select count(a) > 0 from ZoneAccess a, HcpVerification v
			where a.readerId = :readerId and a.zoneKey = :zoneKey
			  and v.readerId = a.readerId and v.status = :verified and v.validUntil > :now
			""")
	boolean isOpen(String readerId, String zoneKey, HcpVerification.Status verified, Instant now);

	List<ZoneAccess> findByReaderId(String readerId);

	@Modifying
	@Query("delete from ZoneAccess a where a.readerId = :readerId")
	int deleteByReader(String readerId);

	@Modifying
	@Query("delete from ZoneAccess a where a.readerId = :readerId and a.zoneKey = :zoneKey")
	int deleteByReaderAndZone(String readerId, String zoneKey);

}
