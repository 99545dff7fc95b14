package org.hcpgate.zones;

import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One question a zone asks its readers (收集问题): data, any number of them per zone. */
@Entity
@Table(name = "zone_question")
public class ZoneQuestion {

	public enum Kind {

		FREE_TEXT, SINGLE_CHOICE, MULTIPLE_CHOICE;

		public boolean hasOptions() {
			return this != FREE_TEXT;
		}

	}

	/**
	 * Separates the options of a choice question in the {@code options} column.
	 */
	static final String OPTION_SEPARATOR = "|";

	/**
	 * Separates the chosen options of a multiple-choice answer (as the browser sends
	 * several values of one field); an option may contain neither separator.
	 */
	public static final String CHOICE_SEPARATOR = ",";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "zone_key", nullable = false)
	private String zoneKey;

	@Column(nullable = false)
	private int position;

	@Column(nullable = false)
	private String text;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Kind kind;

	private String options;

	@Column(nullable = false)
	private boolean required;

	/** Removed by an editor: asked no more, its answers stay readable. */
	@Column(nullable = false)
	private boolean retired;

	protected ZoneQuestion() {
	}

	public ZoneQuestion(String zoneKey, int position, String text, boolean required) {
		this.zoneKey = zoneKey;
		this.position = position;
		this.text = text;
		this.kind = Kind.FREE_TEXT;
		this.required = required;
	}

	public ZoneQuestion(String zoneKey, int position, String text, boolean required, List<String> options) {
		this(zoneKey, position, text, required);
		this.kind = Kind.SINGLE_CHOICE;
		this.options = String.join(OPTION_SEPARATOR, options);
	}

	static ZoneQuestion of(String zoneKey, int position, QuestionEdit edit) {
		ZoneQuestion question = new ZoneQuestion(zoneKey, position, edit.text().strip(), edit.required());
		question.update(position, edit);
		return question;
	}

	void update(int position, QuestionEdit edit) {
		this.position = position;
		this.text = edit.text().strip();
		this.kind = edit.kind();
		this.required = edit.required();
		this.options = edit.kind().hasOptions() ? String.join(OPTION_SEPARATOR, edit.options()) : null;
		this.retired = false;
	}

	void retire() {
		this.retired = true;
	}

	public boolean isRetired() {
		return this.retired;
	}

	public boolean isMultipleChoice() {
		return this.kind == Kind.MULTIPLE_CHOICE;
	}

	/** The options a multiple-choice answer names. */
	public static List<String> chosen(String answer) {
		return Arrays.stream(answer.split(CHOICE_SEPARATOR)).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	public Long getId() {
		return this.id;
	}

	public String getZoneKey() {
		return this.zoneKey;
	}

	public int getPosition() {
		return this.position;
	}

	public String getText() {
		return this.text;
	}

	public Kind getKind() {
		return this.kind;
	}

	public boolean isSingleChoice() {
		return this.kind == Kind.SINGLE_CHOICE;
	}

	public List<String> getOptions() {
		return (this.options == null) ? List.of() : Arrays.asList(this.options.split("\\" + OPTION_SEPARATOR));
	}

	public boolean isRequired() {
		return this.required;
	}

}
