package org.hcpgate.articles;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No article has this id: a 404, not a 500. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class UnknownArticleException extends RuntimeException {

	public UnknownArticleException(long id) {
		super("No article " + id);
	}

}
