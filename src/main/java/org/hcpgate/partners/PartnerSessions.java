package org.hcpgate.partners;

import java.util.Date;
import java.util.List;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

/**
 * The sessions the server names in ID tokens ({@code sid}, made pairwise by
 * {@link PartnerTokens}) are Spring Session's, in the database: any node finds them, and
 * none keeps a registry in memory. A session's time as the server sees it
 * ({@code auth_time}) is the session's start, not its last request: a sign-in keeps its
 * session (under a new id) and the site's session starts at the latest on its sign-in
 * page, so it is never later than the reader's sign-in.
 */
final class PartnerSessions<S extends Session> implements SessionRegistry {

	private final FindByIndexNameSessionRepository<S> sessions;

	private final SpringSessionBackedSessionRegistry<S> registry;

	PartnerSessions(FindByIndexNameSessionRepository<S> sessions) {
		this.sessions = sessions;
		this.registry = new SpringSessionBackedSessionRegistry<>(sessions);
	}

	@Override
	public List<Object> getAllPrincipals() {
		return this.registry.getAllPrincipals();
	}

	@Override
	public List<SessionInformation> getAllSessions(Object principal, boolean includeExpiredSessions) {
		return this.registry.getAllSessions(principal, includeExpiredSessions).stream().map(this::signedIn).toList();
	}

	@Override
	public SessionInformation getSessionInformation(String sessionId) {
		SessionInformation information = this.registry.getSessionInformation(sessionId);
		return (information != null) ? signedIn(information) : null;
	}

	@Override
	public void refreshLastRequest(String sessionId) {
		this.registry.refreshLastRequest(sessionId);
	}

	@Override
	public void registerNewSession(String sessionId, Object principal) {
		this.registry.registerNewSession(sessionId, principal);
	}

	@Override
	public void removeSessionInformation(String sessionId) {
		this.registry.removeSessionInformation(sessionId);
	}

	private SessionInformation signedIn(SessionInformation information) {
		S session = this.sessions.findById(information.getSessionId());
		if (session == null) {
			return information;
		}
		SessionInformation atSignIn = new SessionInformation(information.getPrincipal(), information.getSessionId(),
				Date.from(session.getCreationTime()));
		if (information.isExpired()) {
			atSignIn.expireNow();
		}
		return atSignIn;
	}

}
