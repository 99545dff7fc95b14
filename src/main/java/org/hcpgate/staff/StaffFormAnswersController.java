package org.hcpgate.staff;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.hcpgate.answers.FormAnswerService;
import org.hcpgate.answers.FormAnswerService.StoredAnswers;
import org.hcpgate.vault.StoredDocument;
import org.hcpgate.forms.FormField;
import org.hcpgate.forms.ReaderForm;
import org.hcpgate.forms.ReaderForms;
import org.hcpgate.forms.UnsupportedFormException;
import org.hcpgate.staff.StaffView.Subject;
import org.hcpgate.security.StaffMember;
import org.hcpgate.security.StaffMembers;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;
import org.hcpgate.review.ReviewEngine;

/**
 * A reader's answers to a form step, for staff with a need to know (an open task on the
 * reader), labelled by the form the reader answered; every view is logged. Referenced by
 * id: the process holds {@code <step>AnswersId}, the submission page lists the reader's
 * answers.
 */
@Controller
@RequestMapping("/staff/form-answers/{id}")
class StaffFormAnswersController {

	static final String VIEW_FORM_ANSWERS = "staff/form-answers";

	private final FormAnswerService answers;

	private final ReviewEngine engine;

	private final StaffMembers staffMembers;

	private final StaffViewLog access;

	StaffFormAnswersController(FormAnswerService answers, ReviewEngine engine, StaffMembers staffMembers,
			StaffViewLog access) {
		this.answers = answers;
		this.engine = engine;
		this.staffMembers = staffMembers;
		this.access = access;
	}

	/** One answer as staff read it. */
	record Line(FormField field, Object value, boolean document) {

		/** The labels of the chosen options, or the value as given. */
		public List<String> shown(Locale locale) {
			if (this.value instanceof List<?> chosen) {
				return chosen.stream().map(v -> this.field.optionLabel(String.valueOf(v)).in(locale)).toList();
			}
			if (this.value != null && !this.field.options().isEmpty()) {
				return List.of(this.field.optionLabel(String.valueOf(this.value)).in(locale));
			}
			return (this.value != null) ? List.of(String.valueOf(this.value)) : List.of();
		}

	}

	@GetMapping
	String show(@PathVariable long id, Model model, HttpServletRequest request) {
		StoredAnswers stored = seen(request, id, Subject.FORM_ANSWERS);
		Optional<ReaderForm> form = formOf(stored);
		List<Line> lines = form
			.map(f -> f.inputs()
				.stream()
				.map(field -> new Line(field, stored.values().get(field.key()), field.isDocument()))
				.toList())
			.orElseGet(() -> stored.values()
				.entrySet()
				.stream()
				.map(entry -> new Line(FormField.unlabelled(entry.getKey()), entry.getValue(),
						stored.document(entry.getKey()).isPresent()))
				.toList());
		model.addAttribute("answers", stored.row());
		model.addAttribute("lines", lines);
		return VIEW_FORM_ANSWERS;
	}

	@GetMapping("/documents/{key}")
	ResponseEntity<InputStreamResource> document(@PathVariable long id, @PathVariable String key,
			HttpServletRequest request) throws IOException {
		StoredAnswers stored = seen(request, id, Subject.FORM_DOCUMENT);
		StoredDocument document = stored.document(key)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.parseMediaType(document.contentType()))
			.header("X-Content-Type-Options", "nosniff")
			.body(new InputStreamResource(this.answers.openDocument(stored, document)));
	}

	private Optional<ReaderForm> formOf(StoredAnswers stored) {
		try {
			return this.engine.deployedForm(stored.row().getProcessInstanceId(), stored.row().getFormId())
				.map(bytes -> ReaderForms.parse(stored.row().getFormId(), bytes));
		}
		catch (UnsupportedFormException gone) {
			return Optional.empty();
		}
	}

	private StoredAnswers seen(HttpServletRequest request, long id, Subject subject) {
		StoredAnswers stored = this.answers.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		StaffMember staff = this.staffMembers.current(request).orElseThrow(StaffViewLog.NotYoursToSee::new);
		this.access.viewReaderData(staff, stored.row().getProcessInstanceId(), subject, id, stored.row().getReaderId());
		return stored;
	}

}
