package org.hcpgate.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.hcpgate.security.LocalPaths;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

	@Test
	void atLeastEightCharactersNotTheUsernameNotOnlyDigits() {
		assertThat(PasswordPolicy.check("li.ming", "short")).contains("register.password.policy");
		assertThat(PasswordPolicy.check("li.ming123", "LI.MING123")).contains("register.password.same-as-username");
		assertThat(PasswordPolicy.check("li.ming", "1990010112")).contains("register.password.digits-only");
		assertThat(PasswordPolicy.check("li.ming", "脓毒症免疫治疗2019")).isEmpty();
		assertThat(PasswordPolicy.check("li.ming", "correct horse")).isEmpty();
	}

	@Test
	void theSignInReturnIsAlwaysALocalPath() {
		assertThat(LocalPaths.of("/articles/1?x=1")).isEqualTo("/articles/1?x=1");
		assertThat(LocalPaths.of("//evil.example")).isEqualTo("/");
		assertThat(LocalPaths.of("/\\evil.example")).isEqualTo("/");
		assertThat(LocalPaths.of("https://evil.example")).isEqualTo("/");
		assertThat(LocalPaths.of("/a\r\nSet-Cookie: x")).isEqualTo("/");
		assertThat(LocalPaths.of(null)).isEqualTo("/");
	}

}
