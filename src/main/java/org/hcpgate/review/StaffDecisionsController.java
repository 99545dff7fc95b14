package org.hcpgate.review;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail for leads ({@code /staff/decisions}, group {@code hcp-review-leads}):
 * every staff decision, newest first, paged.
 */
@Controller
class StaffDecisionsController {

	static final String VIEW_DECISIONS = "review/decisions";

	private final DecisionAudit audit;

	StaffDecisionsController(DecisionAudit audit) {
		this.audit = audit;
	}

	@GetMapping("/staff/decisions")
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		Page<AuditedDecision> decisions = this.audit.page(page);
		model.addAttribute("decisions", decisions);
		return VIEW_DECISIONS;
	}

}
