package org.hcpgate.articles;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a reader types into the comment box. */
public class CommentForm {

	@NotBlank(message = "{comments.text.required}")
	@Size(max = Comment.MAX_LENGTH, message = "{comments.text.too-long}")
	private String text;

	public String getText() {
		return this.text;
	}

	public void setText(String text) {
		this.text = text;
	}

}
