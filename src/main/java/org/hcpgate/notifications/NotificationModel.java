package org.hcpgate.notifications;

import org.hcpgate.readers.Reader;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The reader's language remembered for their e-mails (written when it changes, once per
 * session otherwise). The header's unread count is read by the layout itself
 * ({@code @notificationService.unread}), only when a page is rendered.
 */
@ControllerAdvice(annotations = Controller.class)
class NotificationModel {

	private static final String LOCALE_SEEN = NotificationModel.class.getName() + ".locale";

	private final NotificationService notifications;

	NotificationModel(NotificationService notifications) {
		this.notifications = notifications;
	}

	@ModelAttribute
	void rememberLocale(@AuthenticationPrincipal Reader reader, HttpServletRequest request) {
		if (reader == null) {
			return;
		}
		HttpSession session = request.getSession(false);
		String locale = LocaleContextHolder.getLocale().toLanguageTag();
		if (session != null && locale.equals(session.getAttribute(LOCALE_SEEN))) {
			return;
		}
		this.notifications.rememberLocale(reader.getReaderId(), LocaleContextHolder.getLocale());
		if (session != null) {
			session.setAttribute(LOCALE_SEEN, locale);
		}
	}

}
