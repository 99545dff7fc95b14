package org.hcpgate.professions;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProfessionRepository extends JpaRepository<Profession, String> {

	List<Profession> findAllByOrderByPositionAscCodeAsc();

}
