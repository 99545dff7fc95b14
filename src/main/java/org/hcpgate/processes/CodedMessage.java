package org.hcpgate.processes;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The text of a refusal that staff and integrators read in Tasklist or a REST answer:
 * {@code [code] 中文 / English}. The code is contract (docs/process-contract.md); the texts
 * come from the message bundles, so both languages stay in step with the site.
 */
public final class CodedMessage {

	private CodedMessage() {
	}

	/**
	 * {@code [code] 中文 / English}, the bundle's {@code messageKey} with {@code arguments}
	 * filled in.
	 */
	public static String of(String code, String messageKey, Object... arguments) {
		return "[" + code + "] " + text(Locale.ROOT, messageKey, arguments) + " / "
				+ text(Locale.ENGLISH, messageKey, arguments);
	}

	private static String text(Locale locale, String messageKey, Object... arguments) {
		ResourceBundle bundle = ResourceBundle.getBundle("messages", locale,
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
		return new MessageFormat(bundle.getString(messageKey), locale).format(arguments);
	}

}
