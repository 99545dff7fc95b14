package org.hcpgate.review;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail for leads ({@code /staff/decisions}, group
 * {@link org.hcpgate.processes.StaffGroups#REVIEW_LEADS}): every staff decision, newest
 * first, paged; and every view of a reader's data by staff.
 */
@Controller
class StaffDecisionsController {

	static final String VIEW_DECISIONS = "review/decisions";

	static final String VIEW_ACCESS = "review/access";

	private final DecisionAudit audit;

	private final StaffAccess access;

	StaffDecisionsController(DecisionAudit audit, StaffAccess access) {
		this.audit = audit;
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
		Page<AuditedDecision> decisions = this.audit.page(page);
		model.addAttribute("decisions", decisions);
		return VIEW_DECISIONS;
	}

}
