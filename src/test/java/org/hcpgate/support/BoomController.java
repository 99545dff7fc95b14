package org.hcpgate.support;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Test-only: a page that fails, to see the friendly error page of an unexpected error (a
 * 500) with nothing of the exception in it. Under /articles/ so anyone may ask.
 */
@Controller
class BoomController {

	static final String SECRET = "BOOM-SECRET-c0ffee";

	@GetMapping("/articles/test-support/boom")
	String boom() {
		throw new IllegalStateException(SECRET + " at org.hcpgate.Internal");
	}

}
