package org.hcpgate.answers;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AnswerSetRepository extends JpaRepository<AnswerSet, Long> {

	Optional<AnswerSet> findFirstByReaderIdAndZoneKeyOrderBySubmittedAtDescIdDesc(String readerId, String zoneKey);

	List<AnswerSet> findByReaderId(String readerId);

	List<AnswerSet> findByReaderIdAndZoneKey(String readerId, String zoneKey);

}
