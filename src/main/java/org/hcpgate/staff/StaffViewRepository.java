package org.hcpgate.staff;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface StaffViewRepository extends JpaRepository<StaffView, Long> {

	Page<StaffView> findAllByOrderByAccessedAtDescIdDesc(Pageable page);

	List<StaffView> findByReaderIdOrderByAccessedAtAsc(String readerId);

}
