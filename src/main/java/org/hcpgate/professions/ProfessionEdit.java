package org.hcpgate.professions;

import java.util.List;

/**
 * A profession as editors (its names, titles) and leads (its licence pattern) keep it.
 */
public record ProfessionEdit(String name, String nameEn, int position, String licencePattern, String licenceHint,
		String licenceHintEn, boolean active, List<String> titles) {

}
