package org.hcpgate.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * A form step's {@code pattern} is the designer's, the text the reader's: a pattern that
 * backtracks without end must not hold a request thread (it did: {@code (.*a){12}}
 * against sixty a's and a full stop runs for hours; twenty-four take 150 ms).
 */
class FormPatternTest {

	static ReaderForm form(String pattern) {
		String json = """
				{"id": "work-badge", "type": "default", "components": [
				  {"type": "textfield", "key": "code", "label": "编号 | Code",
				   "validate": {"required": true, "pattern": "%s"}}
				]}""".formatted(pattern.replace("\\", "\\\\"));
		return ReaderForms.parse("work-badge.form", json.getBytes(StandardCharsets.UTF_8));
	}

	static FormCheck check(ReaderForm form, String code) {
		return form.check(Map.of("code", List.of(code)), Set.of());
	}

	@Test
	void aPatternThatBacktracksWithoutEndIsRefusedWithinABudget() {
		ReaderForm form = form("(.*a){12}");
		assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
			FormCheck check = check(form, "a".repeat(60) + "!");
			assertThat(check.errors()).containsKey("code");
			assertThat(check.errors().get("code").code()).isEqualTo("form.error.pattern");
		});
		assertThat(check(form, "a".repeat(12)).errors()).isEmpty();
	}

	@Test
	void ordinaryPatternsMatchAsBefore() {
		ReaderForm form = form("[A-Z]{2}[0-9]{6}");
		assertThat(check(form, "AB123456").errors()).isEmpty();
		assertThat(check(form, "AB12345").errors()).containsKey("code");
		assertThat(check(form, "X".repeat(1999)).errors()).containsKey("code");
	}

}
