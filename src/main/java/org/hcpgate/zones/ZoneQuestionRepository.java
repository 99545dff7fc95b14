package org.hcpgate.zones;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ZoneQuestionRepository extends JpaRepository<ZoneQuestion, Long> {

	/** The questions readers are asked now. */
	List<ZoneQuestion> findByZoneKeyAndRetiredFalseOrderByPosition(String zoneKey);

	/** Every question the zone ever asked: old answers are read against these. */
	List<ZoneQuestion> findByZoneKeyOrderByPositionAscIdAsc(String zoneKey);

	boolean existsByZoneKeyAndRetiredFalse(String zoneKey);

}
