package org.hcpgate.professions;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface DepartmentRepository extends JpaRepository<Department, Long> {

	List<Department> findAllByOrderByPositionAscIdAsc();

}
