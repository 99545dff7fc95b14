package org.hcpgate.security;

import java.lang.reflect.Field;

import org.camunda.bpm.engine.impl.cmd.UnlockUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.hcpgate.security.LoginThrottle.Realm;
import org.springframework.util.ReflectionUtils;

/**
 * An administrator who unlocks a staff member (Camunda Admin's "unlock", REST {@code POST
 * /user/{id}/unlock}, the Java API) ends Camunda's delay for that account and, here, the
 * site's sign-in waits of that name from every address ({@link LoginThrottle}). Only
 * {@code camunda-admin} may unlock: Camunda checks that before anything is changed.
 */
class UnlockEndsSignInWaits extends CommandInterceptor {

	private static final Field USER_ID = userIdField();

	private final LoginThrottle throttle;

	UnlockEndsSignInWaits(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	public <T> T execute(Command<T> command) {
		T result = this.next.execute(command);
		if (command instanceof UnlockUserCmd) {
			Object userId = ReflectionUtils.getField(USER_ID, command);
			if (userId != null) {
				this.throttle.forget(Realm.STAFF, userId.toString());
			}
		}
		return result;
	}

	private static Field userIdField() {
		Field field = ReflectionUtils.findField(UnlockUserCmd.class, "userId");
		if (field == null) {
			throw new IllegalStateException("Camunda changed: no field userId in " + UnlockUserCmd.class.getName());
		}
		ReflectionUtils.makeAccessible(field);
		return field;
	}

}
