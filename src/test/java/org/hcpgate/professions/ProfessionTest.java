package org.hcpgate.professions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A licence pattern is staff's input: it matches whole numbers, and cannot hang a
 * request.
 */
class ProfessionTest {

	static Profession withPattern(String pattern) {
		Profession profession = new Profession("test");
		profession.edit(new ProfessionEdit("测试", "Test", 1, pattern, "提示", "hint", true, List.of("职称")));
		return profession;
	}

	@Test
	void theWholeNumberMustMatch() {
		Profession physician = withPattern("[0-9]{12,15}");
		assertThat(physician.licenceMatches("110108199001")).isTrue();
		assertThat(physician.licenceMatches(" 110108199001 ")).isTrue();
		assertThat(physician.licenceMatches("110108199001X")).isFalse();
		assertThat(physician.licenceMatches("12")).isFalse();
		assertThat(physician.licenceMatches(null)).isFalse();
	}

	@Test
	void aPatternThatBacktracksWithoutEndIsStoppedAndMatchesNothing() {
		Profession evil = withPattern("(a+)+b");
		assertTimeoutPreemptively(Duration.ofSeconds(2),
				() -> assertThat(evil.licenceMatches("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")).isFalse());
	}

}
