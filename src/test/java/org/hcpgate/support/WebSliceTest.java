package org.hcpgate.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.hcpgate.notifications.NotificationService;
import org.hcpgate.security.StaffPaths;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A controller's rhythm on its own: {@code @WebMvcTest} of the given controllers with the
 * site's templates and messages, Spring Boot's default security (sign-in required, CSRF
 * on), and a mocked {@link NotificationService} for the layout's unread count. No engine,
 * no database: the controller's collaborators are mocked by the test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest
@MockitoBean(name = "notificationService", types = NotificationService.class)
@Import(StaffPaths.class)
public @interface WebSliceTest {

	@AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
	Class<?>[] value();

}
