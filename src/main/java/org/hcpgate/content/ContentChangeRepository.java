package org.hcpgate.content;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ContentChangeRepository extends JpaRepository<ContentChange, Long> {

	Page<ContentChange> findAllByOrderByChangedAtDescIdDesc(Pageable page);

}
