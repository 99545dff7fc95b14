package org.hcpgate.staff;

import java.util.Locale;

import org.hcpgate.answers.AnswerSet;
import org.hcpgate.review.ReviewService;
import org.hcpgate.security.StaffMember;
import org.hcpgate.security.StaffMembers;
import org.hcpgate.staff.StaffView.Subject;
import org.hcpgate.zones.Zone;
import org.hcpgate.zones.ZoneQuestion;
import org.hcpgate.zones.ZoneService;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Staff-only views of a reader's answers, referenced by the {@code review-information}
 * form: the page, and the card the form embeds as an image.
 */
@Controller
class StaffAnswersController {

	static final String VIEW_ANSWERS = "staff/answers";

	private final ReviewService reviews;

	private final ZoneService zones;

	private final MessageSource messages;

	private final StaffMembers staffMembers;

	private final StaffViewLog access;

	StaffAnswersController(ReviewService reviews, ZoneService zones, MessageSource messages, StaffMembers staffMembers,
			StaffViewLog access) {
		this.staffMembers = staffMembers;
		this.access = access;
		this.reviews = reviews;
		this.zones = zones;
		this.messages = messages;
	}

	@GetMapping("/staff/answers/{id}")
	String show(@PathVariable long id, Model model, HttpServletRequest request) {
		AnswerSet answers = seen(request, id, Subject.ANSWERS);
		model.addAttribute("answers", answers);
		model.addAttribute("zone", this.zones.get(answers.getZoneKey()));
		model.addAttribute("questions", this.zones.questionsEverAsked(answers.getZoneKey()));
		return VIEW_ANSWERS;
	}

	@GetMapping("/staff/answers/{id}/card.svg")
	ResponseEntity<String> card(@PathVariable long id, Locale locale, HttpServletRequest request) {
		AnswerSet answers = seen(request, id, Subject.ANSWERS_CARD);
		Zone zone = this.zones.get(answers.getZoneKey());
		SvgCard card = new SvgCard(
				this.messages.getMessage("review.answers.title", new Object[] { zone.getName() }, locale) + " · "
						+ SubmissionCard.time(answers.getSubmittedAt()));
		for (ZoneQuestion question : this.zones.questionsEverAsked(answers.getZoneKey())) {
			card.row("#" + question.getPosition(), question.getText(), false);
			card.row("", answers.answerTo(question.getId()), false);
		}
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(StaffSubmissionController.SVG)
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
			.body(card.render());
	}

	/** The answers, if this staff member needs to know them: the view is logged. */
	private AnswerSet seen(HttpServletRequest request, long id, Subject subject) {
		AnswerSet answers = this.reviews.answerSet(id);
		StaffMember staff = this.staffMembers.current(request).orElseThrow(StaffViewLog.NotYoursToSee::new);
		this.access.view(staff, answers.getProcessInstanceId(), subject, id, answers.getReaderId());
		return answers;
	}

}
