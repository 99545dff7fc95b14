package org.hcpgate.review;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
public class UnknownSubmissionException extends RuntimeException {

	public UnknownSubmissionException(long id) {
		super("No submission " + id);
	}

}
