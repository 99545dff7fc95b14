package org.hcpgate.system;

import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/** Two overlapping requests of one session, as the session store sees them. */
public final class SessionStoreChecks {

	private SessionStoreChecks() {
	}

	/**
	 * Both requests read the session, both set the same new attribute, the first saves,
	 * then the second: the attribute's value afterwards.
	 */
	public static <S extends Session> Object lastWriteWins(SessionRepository<S> sessions) {
		S session = sessions.createSession();
		sessions.save(session);
		S first = sessions.findById(session.getId());
		S second = sessions.findById(session.getId());
		first.setAttribute("overlapping", "first");
		second.setAttribute("overlapping", "second");
		sessions.save(first);
		sessions.save(second);
		Object value = sessions.findById(session.getId()).getAttribute("overlapping");
		sessions.deleteById(session.getId());
		return value;
	}

}
