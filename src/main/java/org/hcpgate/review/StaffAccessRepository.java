package org.hcpgate.review;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface StaffAccessRepository extends JpaRepository<StaffAccessEntry, Long> {

	Page<StaffAccessEntry> findAllByOrderByAccessedAtDescIdDesc(Pageable page);

	List<StaffAccessEntry> findByReaderIdOrderByAccessedAtAsc(String readerId);

}
