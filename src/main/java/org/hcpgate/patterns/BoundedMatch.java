package org.hcpgate.patterns;

import java.util.regex.Pattern;

/**
 * A pattern someone configured (an editor's licence pattern, a designer's form field)
 * matched against what a reader typed, with a budget: Java's regular expressions
 * backtrack, and a pattern such as {@code (.*a){12}} takes hours on the wrong input. The
 * matcher reads the text through a sequence that counts its reads and gives up past the
 * budget; a match that gives up counts as no match, so it cannot hold a request thread.
 */
public final class BoundedMatch {

	private BoundedMatch() {
	}

	/**
	 * @param budget how many reads of the text's characters the match may make
	 */
	public static boolean matches(Pattern pattern, String text, long budget) {
		try {
			return pattern.matcher(new Counted(text, new long[] { budget })).matches();
		}
		catch (BudgetSpent ex) {
			return false;
		}
	}

	private static final class BudgetSpent extends RuntimeException {

		private static final long serialVersionUID = 1L;

		BudgetSpent() {
			super(null, null, false, false);
		}

	}

	private static final class Counted implements CharSequence {

		private final String text;

		private final long[] left;

		private Counted(String text, long[] left) {
			this.text = text;
			this.left = left;
		}

		@Override
		public char charAt(int index) {
			if (--this.left[0] < 0) {
				throw new BudgetSpent();
			}
			return this.text.charAt(index);
		}

		@Override
		public int length() {
			return this.text.length();
		}

		@Override
		public CharSequence subSequence(int start, int end) {
			return new Counted(this.text.substring(start, end), this.left);
		}

		@Override
		public String toString() {
			return this.text;
		}

	}

}
