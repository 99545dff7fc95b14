package org.hcpgate.reasons;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalogue of rejection reasons. */
@Service
public class ReasonCatalogue {

	/** The prefix of the message codes whose text is a reason's label. */
	public static final String MESSAGE_PREFIX = "rejection-reason.";

	private final ReasonCodeRepository reasons;

	ReasonCatalogue(ReasonCodeRepository reasons) {
		this.reasons = reasons;
	}

	/** Every reason, retired ones too, in order. */
	@Transactional(readOnly = true)
	public List<ReasonCode> all() {
		return this.reasons.findAllByOrderByPositionAscCodeAsc();
	}

	/** The reasons reviewers may choose now, in order. */
	@Transactional(readOnly = true)
	public List<ReasonCode> active() {
		return all().stream().filter(ReasonCode::isActive).toList();
	}

	@Transactional(readOnly = true)
	public Optional<ReasonCode> find(String code) {
		return (code == null) ? Optional.empty() : this.reasons.findById(code);
	}

	/** May a new decision name this code? (A retired one may not.) */
	@Transactional(readOnly = true)
	public boolean isActive(String code) {
		return find(code).map(ReasonCode::isActive).orElse(false);
	}

	/**
	 * The review form's checklist: the active reasons as form-js options ({@code label},
	 * {@code value}), the label in zh-CN, the staff's language.
	 */
	@Transactional(readOnly = true)
	public List<Map<String, String>> formOptions() {
		return active().stream().map(reason -> {
			Map<String, String> option = new LinkedHashMap<>();
			option.put("label", reason.labelIn(Locale.SIMPLIFIED_CHINESE));
			option.put("value", reason.getCode());
			return option;
		}).toList();
	}

	/** Creates or changes a reason. */
	@Transactional
	public ReasonCode save(String code, ReasonEdit edit) {
		ReasonCode reason = this.reasons.findById(code).orElseGet(() -> new ReasonCode(code));
		reason.edit(edit);
		return this.reasons.save(reason);
	}

}
