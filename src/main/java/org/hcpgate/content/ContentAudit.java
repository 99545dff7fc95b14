package org.hcpgate.content;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The content audit trail: written in the transaction of the change it records (one
 * without the other cannot commit), listed for leads at {@code /staff/content/changes}.
 */
@Component
class ContentAudit {

	static final int PAGE_SIZE = 50;

	/** content_change.before_state / after_state. */
	static final int MAX_STATE_LENGTH = 200_000;

	static final String TRUNCATED = "…(truncated)";

	private final ContentChangeRepository changes;

	private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
		.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

	ContentAudit(ContentChangeRepository changes) {
		this.changes = changes;
	}

	/**
	 * Records a change if there was one: an upsert that changes nothing (a CMS sending
	 * the same article twice) leaves no entry.
	 * @return whether anything changed
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	boolean record(Editor editor, String kind, String key, String action, Object before, Object after) {
		String beforeJson = write(before);
		String afterJson = write(after);
		if (Objects.equals(beforeJson, afterJson)) {
			return false;
		}
		this.changes.save(new ContentChange(Instant.now(), editor, kind, key, action, beforeJson, afterJson));
		return true;
	}

	@Transactional(readOnly = true)
	Page<ContentChange> page(int page) {
		return this.changes.findAllByOrderByChangedAtDescIdDesc(PageRequest.of(Math.max(0, page), PAGE_SIZE));
	}

	private String write(Object state) {
		if (state == null) {
			return null;
		}
		try {
			String written = this.json.writeValueAsString(state);
			// the column's room (a body near its limit, escaped, may not fit twice over)
			return (written.length() <= MAX_STATE_LENGTH) ? written
					: written.substring(0, MAX_STATE_LENGTH - TRUNCATED.length()) + TRUNCATED;
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write the audit's JSON of " + state, ex);
		}
	}

}
