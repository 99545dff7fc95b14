package org.hcpgate.review;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReviewDecisionRepository extends JpaRepository<ReviewDecision, Long> {

	boolean existsByTaskId(String taskId);

	Page<ReviewDecision> findAllByOrderByDecidedAtDescIdDesc(Pageable page);

	List<ReviewDecision> findBySubmissionIdOrderByDecidedAtAscIdAsc(Long submissionId);

	List<ReviewDecision> findByProcessInstanceIdOrderByDecidedAtAscIdAsc(String processInstanceId);

	List<ReviewDecision> findByDecidedAtGreaterThanEqualOrderByDecidedAtAsc(Instant since);

	long deleteByReaderId(String readerId);

	long deleteByReaderIdAndZoneKey(String readerId, String zoneKey);

}
