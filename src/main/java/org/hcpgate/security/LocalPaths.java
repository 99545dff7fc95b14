package org.hcpgate.security;

/**
 * Where the site may send a reader back to (after signing in, after switching the
 * language): only a path of this site, never another host ({@code //evil},
 * {@code /\evil}), never a scheme, never a header injection.
 */
public final class LocalPaths {

	private LocalPaths() {
	}

	/** The candidate if it is a local path, else {@code /}. */
	public static String of(String candidate) {
		if (candidate == null || !candidate.startsWith("/") || candidate.startsWith("//") || candidate.contains("\\")
				|| candidate.chars().anyMatch(Character::isISOControl)) {
			return "/";
		}
		return candidate;
	}

}
