package org.hcpgate.notifications;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

	Optional<Notification> findByReaderIdAndKindAndReference(String readerId, Notification.Kind kind, String reference);

	List<Notification> findByReaderIdOrderByCreatedAtDescIdDesc(String readerId, Pageable page);

	List<Notification> findByReaderIdAndReadAtIsNull(String readerId);

	long countByReaderIdAndReadAtIsNull(String readerId);

}
