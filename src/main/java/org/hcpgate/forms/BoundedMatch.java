package org.hcpgate.forms;

import java.util.regex.Pattern;

/**
 * A designer's pattern matched against what a reader typed, with a budget: Java's regular
 * expressions backtrack, and a pattern such as {@code (a+)+$} takes exponential time on
 * the wrong input. The matcher reads the text through a sequence that counts its reads
 * and gives up past the budget; a match that gives up counts as no match.
 */
final class BoundedMatch {

	/**
	 * Reads of the text a match may make: a thousand per character of the longest text.
	 */
	static final long BUDGET = 1_000L * ReaderForm.TEXT_LIMIT;

	private BoundedMatch() {
	}

	static boolean matches(Pattern pattern, String text) {
		try {
			return pattern.matcher(new Counted(text, BUDGET)).matches();
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

		private Counted(String text, long budget) {
			this(text, new long[] { budget });
		}

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
