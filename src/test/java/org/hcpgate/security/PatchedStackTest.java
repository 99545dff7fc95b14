package org.hcpgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;
import org.springframework.core.SpringVersion;
import org.springframework.security.core.SpringSecurityCoreVersion;

/**
 * The stack carries the fixes docs/security.md counts on ("Advisories"): a build that
 * slides back under them fails here, not in an operator's scanner.
 */
class PatchedStackTest {

	@Test
	void springBootCarriesTheActuatorAuthenticationBypassFix() {
		// CVE-2026-22731, fixed in 3.5.12
		assertThat(Version.of(SpringBootVersion.getVersion())).isGreaterThanOrEqualTo(Version.of("3.5.12"));
	}

	@Test
	void springFrameworkAndSecurityAreThoseOfThatBoot() {
		assertThat(Version.of(SpringVersion.getVersion())).isGreaterThanOrEqualTo(Version.of("6.2.19"));
		assertThat(Version.of(SpringSecurityCoreVersion.getVersion())).isGreaterThanOrEqualTo(Version.of("6.5.11"));
	}

	record Version(int major, int minor, int patch) implements Comparable<Version> {

		static Version of(String text) {
			String[] parts = text.split("[.-]");
			return new Version(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
		}

		@Override
		public int compareTo(Version other) {
			int major = Integer.compare(this.major, other.major);
			int minor = Integer.compare(this.minor, other.minor);
			return (major != 0) ? major : (minor != 0) ? minor : Integer.compare(this.patch, other.patch);
		}

	}

}
