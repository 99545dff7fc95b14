package org.hcpgate.zones;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ZoneRepository extends JpaRepository<Zone, String> {

	Optional<Zone> findByCmsId(String cmsId);

	/**
	 * The zone's row, locked until the transaction ends: agreement versions are numbered
	 * one at a time.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select z from Zone z where z.key = :zoneKey")
	Optional<Zone> lockByKey(String zoneKey);

}
