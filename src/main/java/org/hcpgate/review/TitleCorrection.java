package org.hcpgate.review;

import java.util.Optional;

/**
 * A reviewer's correction of the reader's profession and title, as the review form sends
 * it: {@code <profession code>/<title>}.
 */
record TitleCorrection(String profession, String title) {

	static Optional<TitleCorrection> parse(String value) {
		if (value == null) {
			return Optional.empty();
		}
		int slash = value.indexOf('/');
		if (slash <= 0 || slash == value.length() - 1) {
			return Optional.empty();
		}
		return Optional.of(new TitleCorrection(value.substring(0, slash).strip(), value.substring(slash + 1).strip()));
	}

}
