package org.hcpgate.review;

import org.hcpgate.verification.AnswerSet;
import org.hcpgate.zones.ZoneService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Staff-only view of a reader's answers, referenced by the {@code review-information} form. */
@Controller
class StaffAnswersController {

	static final String VIEW_ANSWERS = "review/answers";

	private final ReviewService reviews;

	private final ZoneService zones;

	StaffAnswersController(ReviewService reviews, ZoneService zones) {
		this.reviews = reviews;
		this.zones = zones;
	}

	@GetMapping("/staff/answers/{id}")
	String show(@PathVariable long id, Model model) {
		AnswerSet answers = this.reviews.answerSet(id);
		model.addAttribute("answers", answers);
		model.addAttribute("zone", this.zones.get(answers.getZoneKey()));
		model.addAttribute("questions", this.zones.questions(answers.getZoneKey()));
		return VIEW_ANSWERS;
	}

}
