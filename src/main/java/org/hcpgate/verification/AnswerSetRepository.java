package org.hcpgate.verification;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AnswerSetRepository extends JpaRepository<AnswerSet, Long> {

	Optional<AnswerSet> findFirstByReaderIdAndZoneKeyOrderBySubmittedAtDescIdDesc(String readerId, String zoneKey);

}
