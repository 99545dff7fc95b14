package org.hcpgate.professions;

import java.util.Locale;
import java.util.regex.Pattern;

import org.hcpgate.patterns.BoundedMatch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A health profession (医师, 护士, 药师, …): its names, its place in lists, and the pattern its
 * licence numbers follow, with a hint that tells a reader what is expected.
 */
@Entity
@Table(name = "profession")
public class Profession {

	@Id
	private String code;

	@Column(nullable = false)
	private String name;

	@Column(name = "name_en", nullable = false)
	private String nameEn;

	@Column(nullable = false)
	private int position;

	/** A Java regular expression the whole licence number must match. */
	@Column(name = "licence_pattern", nullable = false)
	private String licencePattern;

	@Column(name = "licence_hint", nullable = false)
	private String licenceHint;

	@Column(name = "licence_hint_en", nullable = false)
	private String licenceHintEn;

	@Column(nullable = false)
	private boolean active = true;

	protected Profession() {
	}

	public Profession(String code) {
		this.code = code;
	}

	void edit(ProfessionEdit edit) {
		this.name = edit.name().strip();
		this.nameEn = edit.nameEn().strip();
		this.position = edit.position();
		this.licencePattern = edit.licencePattern().strip();
		this.licenceHint = edit.licenceHint().strip();
		this.licenceHintEn = edit.licenceHintEn().strip();
		this.active = edit.active();
	}

	/** Reads of a licence number a pattern may make. */
	static final long LICENCE_PATTERN_BUDGET = 100_000;

	/**
	 * Whether the whole number matches the pattern. A pattern is staff's input: one that
	 * backtracks without end on a number (such as {@code (a+)+b}) is stopped after a
	 * bounded number of steps and counts as no match, so it cannot hold a request thread.
	 */
	public boolean licenceMatches(String licenceNumber) {
		if (licenceNumber == null) {
			return false;
		}
		return BoundedMatch.matches(Pattern.compile(this.licencePattern), licenceNumber.strip(),
				LICENCE_PATTERN_BUDGET);
	}

	/** The name in the reader's language (zh-CN unless English). */
	public String nameIn(Locale locale) {
		return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? this.nameEn : this.name;
	}

	public String licenceHintIn(Locale locale) {
		return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? this.licenceHintEn : this.licenceHint;
	}

	public String getCode() {
		return this.code;
	}

	public String getName() {
		return this.name;
	}

	public String getNameEn() {
		return this.nameEn;
	}

	public int getPosition() {
		return this.position;
	}

	public String getLicencePattern() {
		return this.licencePattern;
	}

	public String getLicenceHint() {
		return this.licenceHint;
	}

	public String getLicenceHintEn() {
		return this.licenceHintEn;
	}

	public boolean isActive() {
		return this.active;
	}

}
