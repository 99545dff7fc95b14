package org.hcpgate.staff;

import java.time.Duration;
import java.time.Instant;

import org.hcpgate.staff.StaffView.Subject;
import org.hcpgate.security.StaffMember;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.hcpgate.review.ReviewDecisionService;
import org.hcpgate.review.ReviewEngine;

/**
 * Staff see what they need to know, and it is logged: a reviewer sees a reader's data
 * while a staff task on it is open to them (theirs, or unclaimed in one of their groups)
 * or for {@value #DECIDED_DAYS} days after they decided it; leads and administrators
 * always. Every view is written to {@code staff_view}, which leads read.
 */
@Service
class StaffViewLog {

	static final int DECIDED_DAYS = 30;

	static final int PAGE_SIZE = 50;

	private final ReviewEngine engine;

	private final ReviewDecisionService decisions;

	private final StaffViewRepository log;

	StaffViewLog(ReviewEngine engine, ReviewDecisionService decisions, StaffViewRepository log) {
		this.engine = engine;
		this.decisions = decisions;
		this.log = log;
	}

	/**
	 * Lets the view through and logs it, or refuses it.
	 * @param instanceId the process instance whose staff task the data is for
	 * @throws NotYoursToSee when the staff member has no need to know
	 */
	@Transactional
	public void view(StaffMember staff, String instanceId, Subject subject, long subjectId, String readerId) {
		if (!mayView(staff, instanceId)) {
			throw new NotYoursToSee();
		}
		this.log.save(new StaffView(staff.userId(), subject, subjectId, readerId));
	}

	/**
	 * As {@link #view}, for the reader's answers to a form step: a staff task on the
	 * instance that asked, or on any running instance of the reader (the verification a
	 * reviewer decides), is the need to know.
	 * @throws NotYoursToSee when the staff member has no need to know
	 */
	@Transactional
	public void viewReaderData(StaffMember staff, String instanceId, Subject subject, long subjectId, String readerId) {
		boolean allowed = mayView(staff, instanceId)
				|| this.engine.runningInstancesOf(readerId).stream().anyMatch(id -> mayView(staff, id));
		if (!allowed) {
			throw new NotYoursToSee();
		}
		this.log.save(new StaffView(staff.userId(), subject, subjectId, readerId));
	}

	boolean mayView(StaffMember staff, String instanceId) {
		if (staff.seesEveryReader()) {
			return true;
		}
		if (this.engine.hasTaskOpenTo(instanceId, staff.userId(), staff.groups())) {
			return true;
		}
		Instant since = Instant.now().minus(Duration.ofDays(DECIDED_DAYS));
		return this.decisions.ofVerification(instanceId)
			.stream()
			.anyMatch(decision -> staff.userId().equals(decision.getDecidedBy())
					&& decision.getDecidedAt().isAfter(since));
	}

	@Transactional(readOnly = true)
	public Page<StaffView> page(int page) {
		return this.log.findAllByOrderByAccessedAtDescIdDesc(PageRequest.of(Math.max(page, 0), PAGE_SIZE));
	}

	/**
	 * No open task on it for this staff member, and not theirs to have decided lately.
	 */
	@ResponseStatus(HttpStatus.FORBIDDEN)
	static class NotYoursToSee extends RuntimeException {

		private static final long serialVersionUID = 1L;

		NotYoursToSee() {
			super("No need to know: no open task of yours on this reader's data");
		}

	}

}
