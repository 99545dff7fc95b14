package org.hcpgate.verification;

import org.springframework.data.jpa.repository.JpaRepository;

public interface HcpVerificationRepository extends JpaRepository<HcpVerification, String> {

}
