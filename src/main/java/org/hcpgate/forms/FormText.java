package org.hcpgate.forms;

import java.util.Locale;

/**
 * A text of a form in the reader's language. The convention
 * (docs/designing-processes.md): {@code "中文 | English"}; a text without {@code " | "} is
 * shown in every language.
 *
 * @param zh the Chinese text, shown by default
 * @param en the English text, or null
 */
public record FormText(String zh, String en) {

	static final String SEPARATOR = " | ";

	static FormText of(String raw) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		int at = raw.indexOf(SEPARATOR);
		if (at < 0) {
			return new FormText(raw.strip(), null);
		}
		return new FormText(raw.substring(0, at).strip(), raw.substring(at + SEPARATOR.length()).strip());
	}

	static FormText of(String zh, String en) {
		return (zh == null || zh.isBlank()) ? null : new FormText(zh.strip(), (en == null || en.isBlank()) ? null : en);
	}

	/** The text for the reader's locale: English where given and asked for. */
	public String in(Locale locale) {
		boolean english = locale != null && "en".equals(locale.getLanguage());
		return (english && this.en != null) ? this.en : this.zh;
	}

}
