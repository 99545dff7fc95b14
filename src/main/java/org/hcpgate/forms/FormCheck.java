package org.hcpgate.forms;

import java.util.Map;

/**
 * What a reader sent to a form, checked against the form's own validation.
 *
 * @param answers the answers, typed: String, BigDecimal, Boolean, LocalDate (ISO text) or
 * a list of Strings, by field key; documents are not in it
 * @param errors what is wrong, by field key; empty when the answers may be saved
 */
public record FormCheck(Map<String, Object> answers, Map<String, FormError> errors) {

	public boolean hasErrors() {
		return !this.errors.isEmpty();
	}

}
