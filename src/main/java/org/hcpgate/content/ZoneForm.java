package org.hcpgate.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.hcpgate.zones.QuestionEdit;
import org.hcpgate.zones.Zone;
import org.hcpgate.zones.ZoneQuestion;
import org.hcpgate.zones.ZoneEdit;

/**
 * A zone as editors write it, on the staff pages and through the content API: its
 * settings, its questions in order, and for a new zone its key and the first text of its
 * agreement. Rules across fields are in
 * {@link ContentService#validate(ZoneForm, boolean, org.springframework.validation.Errors)}.
 */
public class ZoneForm {

	static final int MAX_QUESTIONS = 30;

	/** Empty rows offered on the page for new questions. */
	static final int EMPTY_ROWS = 2;

	@Pattern(regexp = "[a-z0-9][a-z0-9-]{1,63}", message = "{content.zone.key.invalid}")
	private String key;

	@NotBlank(message = "{validation.required}")
	@Size(max = 200, message = "{validation.too-long}")
	private String name;

	@Size(max = 2000, message = "{validation.too-long}")
	private String description;

	@Min(value = 0, message = "{content.zone.position.range}")
	@Max(value = 9999, message = "{content.zone.position.range}")
	private int position;

	private boolean published = true;

	@Size(max = 500, message = "{validation.too-long}")
	private String audienceNotice;

	@Size(max = 200, message = "{validation.too-long}")
	private String informedConsentTitle;

	@Size(max = 20000, message = "{validation.too-long}")
	private String informedConsentBody;

	private boolean informationReview;

	/**
	 * The professions the zone admits (the catalogue's codes); none: every profession.
	 */
	private List<String> professions = new ArrayList<>();

	@Size(max = 200, message = "{validation.too-long}")
	private String agreementTitle;

	@Size(max = 20000, message = "{validation.too-long}")
	private String agreementBody;

	@Valid
	@Size(max = MAX_QUESTIONS, message = "{validation.too-long}")
	private List<QuestionRow> questions = new ArrayList<>();

	public static ZoneForm of(Zone zone, List<ZoneQuestion> questions) {
		ZoneForm form = new ZoneForm();
		form.key = zone.getKey();
		form.name = zone.getName();
		form.description = zone.getDescription();
		form.position = zone.getPosition();
		form.published = zone.isPublished();
		form.audienceNotice = zone.getAudienceNotice();
		form.informedConsentTitle = zone.getInformedConsentTitle();
		form.informedConsentBody = zone.getInformedConsentBody();
		form.informationReview = zone.isInformationReview();
		form.professions = new ArrayList<>(zone.getAdmittedProfessions());
		form.agreementTitle = zone.getAgreementTitle();
		form.agreementBody = zone.getAgreementBody();
		for (ZoneQuestion question : questions) {
			form.questions.add(QuestionRow.of(question));
		}
		return form;
	}

	/** Room for new questions on the page. */
	ZoneForm withEmptyRows() {
		for (int i = 0; i < EMPTY_ROWS && this.questions.size() < MAX_QUESTIONS; i++) {
			this.questions.add(new QuestionRow());
		}
		return this;
	}

	ZoneEdit edit() {
		return new ZoneEdit(this.name.strip(), this.description, this.position, this.published, this.audienceNotice,
				(this.informedConsentTitle == null) ? "" : this.informedConsentTitle, this.informedConsentBody,
				this.informationReview);
	}

	/** The questions an editor filled in (rows left blank are not questions). */
	List<QuestionEdit> questionEdits() {
		return this.questions.stream().filter(row -> !row.isBlank()).map(QuestionRow::edit).toList();
	}

	public String getKey() {
		return this.key;
	}

	public void setKey(String key) {
		this.key = key;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public int getPosition() {
		return this.position;
	}

	public void setPosition(int position) {
		this.position = position;
	}

	public boolean isPublished() {
		return this.published;
	}

	public void setPublished(boolean published) {
		this.published = published;
	}

	public String getAudienceNotice() {
		return this.audienceNotice;
	}

	public void setAudienceNotice(String audienceNotice) {
		this.audienceNotice = audienceNotice;
	}

	public String getInformedConsentTitle() {
		return this.informedConsentTitle;
	}

	public void setInformedConsentTitle(String informedConsentTitle) {
		this.informedConsentTitle = informedConsentTitle;
	}

	public String getInformedConsentBody() {
		return this.informedConsentBody;
	}

	public void setInformedConsentBody(String informedConsentBody) {
		this.informedConsentBody = informedConsentBody;
	}

	public boolean isInformationReview() {
		return this.informationReview;
	}

	public void setInformationReview(boolean informationReview) {
		this.informationReview = informationReview;
	}

	public String getAgreementTitle() {
		return this.agreementTitle;
	}

	public void setAgreementTitle(String agreementTitle) {
		this.agreementTitle = agreementTitle;
	}

	public String getAgreementBody() {
		return this.agreementBody;
	}

	public void setAgreementBody(String agreementBody) {
		this.agreementBody = agreementBody;
	}

	public List<String> getProfessions() {
		return this.professions;
	}

	public void setProfessions(List<String> professions) {
		this.professions = (professions == null) ? new ArrayList<>() : professions;
	}

	/** The admitted professions as a set, without blanks. */
	Set<String> admittedProfessions() {
		return this.professions.stream()
			.filter(p -> p != null && !p.isBlank())
			.collect(Collectors.toCollection(TreeSet::new));
	}

	public List<QuestionRow> getQuestions() {
		return this.questions;
	}

	public void setQuestions(List<QuestionRow> questions) {
		this.questions = (questions == null) ? new ArrayList<>() : questions;
	}

	/**
	 * One question row: the page edits its options one per line, the API sends a list.
	 */
	public static class QuestionRow {

		private Long id;

		@Size(max = 500, message = "{validation.too-long}")
		private String text;

		private ZoneQuestion.Kind kind = ZoneQuestion.Kind.FREE_TEXT;

		private List<String> options = new ArrayList<>();

		private boolean required;

		static QuestionRow of(ZoneQuestion question) {
			QuestionRow row = new QuestionRow();
			row.id = question.getId();
			row.text = question.getText();
			row.kind = question.getKind();
			row.options = new ArrayList<>(question.getOptions());
			row.required = question.isRequired();
			return row;
		}

		@JsonIgnore
		boolean isBlank() {
			return (this.text == null || this.text.isBlank()) && getOptions().isEmpty();
		}

		QuestionEdit edit() {
			return new QuestionEdit(this.id, (this.text == null) ? "" : this.text.strip(), this.kind, getOptions(),
					this.required);
		}

		public Long getId() {
			return this.id;
		}

		public void setId(Long id) {
			this.id = id;
		}

		public String getText() {
			return this.text;
		}

		public void setText(String text) {
			this.text = text;
		}

		public ZoneQuestion.Kind getKind() {
			return this.kind;
		}

		public void setKind(ZoneQuestion.Kind kind) {
			this.kind = (kind == null) ? ZoneQuestion.Kind.FREE_TEXT : kind;
		}

		public List<String> getOptions() {
			return (this.options == null) ? List.of()
					: this.options.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
		}

		public void setOptions(List<String> options) {
			this.options = options;
		}

		/** The options one per line, as the page's text area shows them. */
		@JsonIgnore
		public String getOptionsText() {
			return String.join("\n", getOptions());
		}

		@JsonIgnore
		public void setOptionsText(String text) {
			this.options = (text == null) ? new ArrayList<>() : new ArrayList<>(text.lines().toList());
		}

		public boolean isRequired() {
			return this.required;
		}

		public void setRequired(boolean required) {
			this.required = required;
		}

	}

}
