package org.hcpgate.system;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The staff groups the models name (candidate groups), created at start-up if missing. */
@Component
@Order(StaffGroups.ORDER)
class StaffGroups implements ApplicationRunner {

	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	static final String REVIEWERS = "hcp-reviewers";

	static final String REVIEW_LEADS = "hcp-review-leads";

	private final IdentityService identity;

	StaffGroups(IdentityService identity) {
		this.identity = identity;
	}

	@Override
	public void run(ApplicationArguments args) {
		ensureGroup(REVIEWERS, "HCP 审核员");
		ensureGroup(REVIEW_LEADS, "HCP 审核组长");
	}

	private void ensureGroup(String id, String name) {
		if (this.identity.createGroupQuery().groupId(id).count() == 0) {
			Group group = this.identity.newGroup(id);
			group.setName(name);
			group.setType("WORKFLOW");
			this.identity.saveGroup(group);
		}
	}

}
