package org.hcpgate.notifications;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReaderLocaleRepository extends JpaRepository<ReaderLocale, String> {

}
