package org.hcpgate.zones;

import java.util.List;

/**
 * One question as an editor writes it. {@code id} names the question it replaces (null
 * for a new one).
 */
public record QuestionEdit(Long id, String text, ZoneQuestion.Kind kind, List<String> options, boolean required) {

	public QuestionEdit {
		options = (options == null) ? List.of() : List.copyOf(options);
	}

}
