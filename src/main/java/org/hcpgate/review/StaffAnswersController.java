package org.hcpgate.review;

import java.util.Locale;

import org.hcpgate.answers.AnswerSet;
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

/**
 * Staff-only views of a reader's answers, referenced by the {@code review-information}
 * form: the page, and the card the form embeds as an image.
 */
@Controller
class StaffAnswersController {

	static final String VIEW_ANSWERS = "review/answers";

	private final ReviewService reviews;

	private final ZoneService zones;

	private final MessageSource messages;

	StaffAnswersController(ReviewService reviews, ZoneService zones, MessageSource messages) {
		this.reviews = reviews;
		this.zones = zones;
		this.messages = messages;
	}

	@GetMapping("/staff/answers/{id}")
	String show(@PathVariable long id, Model model) {
		AnswerSet answers = this.reviews.answerSet(id);
		model.addAttribute("answers", answers);
		model.addAttribute("zone", this.zones.get(answers.getZoneKey()));
		model.addAttribute("questions", this.zones.questions(answers.getZoneKey()));
		return VIEW_ANSWERS;
	}

	@GetMapping("/staff/answers/{id}/card.svg")
	ResponseEntity<String> card(@PathVariable long id, Locale locale) {
		AnswerSet answers = this.reviews.answerSet(id);
		Zone zone = this.zones.get(answers.getZoneKey());
		SvgCard card = new SvgCard(
				this.messages.getMessage("review.answers.title", new Object[] { zone.getName() }, locale) + " · "
						+ StaffSubmissionController.time(answers.getSubmittedAt()));
		for (ZoneQuestion question : this.zones.questions(answers.getZoneKey())) {
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

}
