package org.hcpgate.forms;

/**
 * A form the site cannot render for a reader: the message names the form, the field and
 * what is wrong, in a designer's words.
 */
public class UnsupportedFormException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	UnsupportedFormException(String message) {
		super(message);
	}

}
