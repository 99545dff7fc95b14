package org.hcpgate.answers;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface FormAnswersRepository extends JpaRepository<FormAnswers, Long> {

	Optional<FormAnswers> findFirstByReaderIdAndFormIdOrderByIdDesc(String readerId, String formId);

	List<FormAnswers> findByReaderId(String readerId);

	List<FormAnswers> findByReaderIdOrderByIdDesc(String readerId);

	List<FormAnswers> findByReaderIdAndZoneKey(String readerId, String zoneKey);

}
