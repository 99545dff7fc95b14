package org.hcpgate.review;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AuditedDecisionRepository extends JpaRepository<AuditedDecision, Long> {

	boolean existsByTaskId(String taskId);

	Page<AuditedDecision> findAllByOrderByDecidedAtDescIdDesc(Pageable page);

	List<AuditedDecision> findBySubmissionIdOrderByDecidedAtAscIdAsc(Long submissionId);

	List<AuditedDecision> findByProcessInstanceIdOrderByDecidedAtAscIdAsc(String processInstanceId);

	List<AuditedDecision> findByDecidedAtGreaterThanEqualOrderByDecidedAtAsc(Instant since);

	long deleteByReaderId(String readerId);

	long deleteByReaderIdAndZoneKey(String readerId, String zoneKey);

}
