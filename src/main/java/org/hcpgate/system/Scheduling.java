package org.hcpgate.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The site's own scheduled work ({@code @Scheduled}): the e-mail outbox's sender, the
 * sign-in throttle's and the pending photos' clean-up. Every node runs it; each task is
 * safe to run on several nodes at once (rows claimed with {@code SKIP LOCKED}, or
 * idempotent deletes), so no node is special. Here rather than on the application class,
 * so that test slices start without it.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class Scheduling {

}
