package org.hcpgate.processes;

import java.util.List;

/** The staff tasks of the models, in the models' order: the review queue. */
public final class StaffTasks {

	public static final List<String> KEYS = List.of(HcpVerificationProcess.TASK_REVIEW_CREDENTIALS,
			ZoneAccessProcess.TASK_REVIEW_INFORMATION, HcpVerificationProcess.TASK_CONFIRM_FINAL_REJECTION);

	private StaffTasks() {
	}

}
