package org.hcpgate.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.hcpgate.processes.HcpVerificationProcess;
import org.hcpgate.processes.StaffGroups;
import org.hcpgate.processes.ZoneAccessProcess;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The grants each staff group needs, with the engine's authorization checks on. Created
 * at start-up when missing (a restart or a second node adds none); permissions an
 * administrator added in Camunda Admin are kept.
 * <ul>
 * <li>{@link StaffGroups#REVIEWERS}: Tasklist; read the staff filters and the process
 * definitions (names, forms). Review tasks themselves come from the task's candidate
 * group (READ and TASK_WORK, {@code defaultUserPermissionNameForTask}): a reviewer sees
 * the review tasks, never the readers' own tasks (assigned to the reader id), and no
 * instance or history.</li>
 * <li>{@link StaffGroups#REVIEW_LEADS}: the same, plus Cockpit; instances and history of
 * the processes (backlog, decision times), and starting
 * {@code verification-revocation}.</li>
 * <li>{@code camunda-admin}: everything. Only administrators may create filters.</li>
 * </ul>
 */
@Component
public class StaffAuthorizations implements SmartInitializingSingleton {

	private final AuthorizationService authorizations;

	private final StartupLock startupLock;

	StaffAuthorizations(AuthorizationService authorizations, StartupLock startupLock) {
		this.authorizations = authorizations;
		this.startupLock = startupLock;
	}

	/** One node at a time: two nodes starting together grant once. */
	@Override
	public void afterSingletonsInstantiated() {
		this.startupLock.exclusively(this::grantStaff);
	}

	private void grantStaff() {
		for (String staff : StaffGroups.ALL) {
			grant(staff, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
			grant(staff, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
		}
		grant(StaffGroups.REVIEW_LEADS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
		// editors sign in where all staff do (the webapps), then work on /staff/content
		grant(StaffGroups.EDITORS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
		grant(StaffGroups.REVIEW_LEADS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ_INSTANCE,
				ProcessDefinitionPermissions.READ_HISTORY);
		for (String process : List.of(HcpVerificationProcess.REVOCATION_PROCESS_KEY,
				HcpVerificationProcess.REOPENING_PROCESS_KEY)) {
			grant(StaffGroups.REVIEW_LEADS, Resources.PROCESS_DEFINITION, process,
					ProcessDefinitionPermissions.CREATE_INSTANCE);
		}
		grant(StaffGroups.REVIEW_LEADS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
		// leads reassign a review a colleague holds (StaffChanges refuses it to
		// reviewers)
		for (String process : List.of(HcpVerificationProcess.KEY, ZoneAccessProcess.KEY)) {
			grant(StaffGroups.REVIEW_LEADS, Resources.PROCESS_DEFINITION, process,
					ProcessDefinitionPermissions.TASK_ASSIGN);
		}
		grantAdministrators();
	}

	/**
	 * ALL on every resource for {@code camunda-admin}, as Camunda's own first-run setup
	 * does.
	 */
	void grantAdministrators() {
		for (Resources resource : Resources.values()) {
			grant(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
		}
	}

	/**
	 * Staff may read this shared filter (filters are granted one by one, so that each
	 * staff member's own 我的 stays theirs).
	 */
	public void grantStaffRead(Resource resource, String resourceId) {
		for (String staff : StaffGroups.ALL) {
			grant(staff, resource, resourceId, Permissions.READ);
		}
	}

	void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
		try {
			Authorization authorization = find(groupId, resource, resourceId);
			boolean isNew = authorization == null;
			if (isNew) {
				authorization = this.authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
				authorization.setGroupId(groupId);
				authorization.setResource(resource);
				authorization.setResourceId(resourceId);
			}
			boolean changed = isNew;
			for (Permission permission : permissions) {
				if (!authorization.isPermissionGranted(permission)) {
					authorization.addPermission(permission);
					changed = true;
				}
			}
			if (changed) {
				this.authorizations.saveAuthorization(authorization);
			}
		}
		catch (ProcessEngineException raced) {
			// another node created the same grant at the same moment: fine if it is there
			// now
			if (find(groupId, resource, resourceId) == null) {
				throw raced;
			}
		}
	}

	private Authorization find(String groupId, Resource resource, String resourceId) {
		return this.authorizations.createAuthorizationQuery()
			.authorizationType(AUTH_TYPE_GRANT)
			.groupIdIn(groupId)
			.resourceType(resource)
			.resourceId(resourceId)
			.singleResult();
	}

}
