package org.hcpgate.staff;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.hcpgate.review.ReviewDecision;
import org.hcpgate.review.ReviewDecisionService;

/**
 * The audit trail for leads ({@code /staff/decisions}, group
 * {@link org.hcpgate.processes.StaffGroups#REVIEW_LEADS}): every staff decision, newest
 * first, paged; and every view of a reader's data by staff.
 */
@Controller
class StaffDecisionsController {

	static final String VIEW_DECISIONS = "staff/decisions";

	static final String VIEW_ACCESS = "staff/access";

	private final ReviewDecisionService decisions;

	private final StaffViewLog access;

	StaffDecisionsController(ReviewDecisionService decisions, StaffViewLog access) {
		this.decisions = decisions;
		this.access = access;
	}

	/** Who saw which reader's data when, newest first (leads only, as the decisions). */
	@GetMapping("/staff/decisions/access")
	String access(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("views", this.access.page(page));
		return VIEW_ACCESS;
	}

	@GetMapping("/staff/decisions")
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		Page<ReviewDecision> decisions = this.decisions.page(page);
		model.addAttribute("decisions", decisions);
		return VIEW_DECISIONS;
	}

}
