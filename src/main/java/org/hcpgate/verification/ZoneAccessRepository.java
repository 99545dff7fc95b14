package org.hcpgate.verification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface ZoneAccessRepository extends JpaRepository<ZoneAccess, Long> {

	Optional<ZoneAccess> findByReaderIdAndZoneKey(String readerId, String zoneKey);

	/**
	 * The gate's one query: the zone was granted for its current agreement version, the
	 * reader's HCP verification is still valid, and the zone admits the profession it
	 * holds for (or every profession). Every row is found by its key.
	 */
	@Query("""
			select count(a) > 0 from ZoneAccess a, HcpVerification v, Zone z
			where a.readerId = :readerId and a.zoneKey = :zoneKey
			  and z.key = a.zoneKey and a.agreementVersion = z.agreementVersion
			  and v.readerId = a.readerId and v.status = :verified and v.validUntil > :now
			  and (z.admittedProfessions is empty or v.profession member of z.admittedProfessions)
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
