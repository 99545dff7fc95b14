package org.hcpgate.professions;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ProfessionalTitleRepository extends JpaRepository<ProfessionalTitle, Long> {

	List<ProfessionalTitle> findAllByOrderByPositionAscIdAsc();

	List<ProfessionalTitle> findByProfessionCodeOrderByPositionAscIdAsc(String professionCode);

	@Modifying
	@Query("delete from ProfessionalTitle t where t.professionCode = :professionCode")
	void deleteByProfessionCode(String professionCode);

}
