/**
 * What tells the reader: one {@link org.hcpgate.notifications.Notification} per review
 * decision or grant, shown in the site inbox (account page, unread count in the header)
 * and sent by e-mail after the deciding transaction commits. The review and grant
 * services call {@link org.hcpgate.notifications.NotificationService}; a retried job
 * tells nobody twice.
 */
package org.hcpgate.notifications;
