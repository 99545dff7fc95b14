package org.hcpgate.system;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.hcpgate.processes.StaffGroups;
import org.hcpgate.security.StartupLock;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The staff groups the models name (candidate groups), created at start-up if missing.
 */
@Component
@Order(StaffGroupsSetup.ORDER)
class StaffGroupsSetup implements ApplicationRunner {

	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	private final IdentityService identity;

	private final StartupLock startupLock;

	StaffGroupsSetup(IdentityService identity, StartupLock startupLock) {
		this.identity = identity;
		this.startupLock = startupLock;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.startupLock.exclusively(() -> {
			ensureGroup(StaffGroups.REVIEWERS, "HCP 审核员");
			ensureGroup(StaffGroups.REVIEW_LEADS, "HCP 审核组长");
			ensureGroup(StaffGroups.EDITORS, "HCP 内容编辑");
		});
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
