package org.hcpgate.zones;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ZoneQuestionRepository extends JpaRepository<ZoneQuestion, Long> {

	List<ZoneQuestion> findByZoneKeyOrderByPosition(String zoneKey);

	boolean existsByZoneKey(String zoneKey);

}
