package org.hcpgate.review;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
class UnknownSubmissionException extends RuntimeException {

	UnknownSubmissionException(long id) {
		super("No submission " + id);
	}

}
