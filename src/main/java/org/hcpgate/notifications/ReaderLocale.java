package org.hcpgate.notifications;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The language a reader last used on the site; their e-mails are written in it. */
@Entity
@Table(name = "reader_locale")
class ReaderLocale {

	@Id
	@Column(name = "reader_id")
	private String readerId;

	@Column(nullable = false)
	private String locale;

	protected ReaderLocale() {
	}

	ReaderLocale(String readerId, String locale) {
		this.readerId = readerId;
		this.locale = locale;
	}

	String getLocale() {
		return this.locale;
	}

	void setLocale(String locale) {
		this.locale = locale;
	}

}
