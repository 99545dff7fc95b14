package org.hcpgate.system;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/**
 * An upload over the size limit never reaches a controller; send the reader back to the
 * page they came from with a translated message instead of an error page.
 */
@ControllerAdvice
class UploadLimitHandler {

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String tooLarge(HttpServletRequest request, RedirectAttributes redirect) {
		redirect.addFlashAttribute("error", "credentials.photo.request-too-large");
		String path = request.getRequestURI();
		String back = path.endsWith("/credentials") ? path.substring(0, path.length() - "/credentials".length()) : "/";
		String query = request.getQueryString();
		return "redirect:" + back + ((query != null) ? "?" + query : "");
	}

}
