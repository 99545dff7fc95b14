package org.hcpgate.consent;

import java.util.List;

import org.hcpgate.consent.Consent.Choice;
import org.hcpgate.consent.Consent.Document;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ConsentService {

	private final ConsentRepository consents;

	ConsentService(ConsentRepository consents) {
		this.consents = consents;
	}

	/**
	 * Records a decision. Must join the transaction that completes the reader's task, so the
	 * record and the process move commit together or not at all.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Consent record(String readerId, String zoneKey, Document document, int version, boolean agreed,
			String clientAddress, String processInstanceId, String taskId) {
		return this.consents.save(new Consent(readerId, zoneKey, document, version,
				agreed ? Choice.AGREED : Choice.REFUSED, clientAddress, processInstanceId, taskId));
	}

	@Transactional(readOnly = true)
	public List<Consent> of(String readerId) {
		return this.consents.findByReaderIdOrderByDecidedAtDesc(readerId);
	}

}
