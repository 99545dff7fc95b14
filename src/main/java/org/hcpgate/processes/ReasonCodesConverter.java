package org.hcpgate.processes;

import java.util.Arrays;
import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Rejection reason codes (the catalogue's, {@code rejection_reason}) as one column:
 * comma-separated, none as NULL. The submission, the audited decision and the reader's
 * notification store them alike.
 */
@Converter
public class ReasonCodesConverter implements AttributeConverter<List<String>, String> {

	@Override
	public String convertToDatabaseColumn(List<String> codes) {
		return (codes == null || codes.isEmpty()) ? null : String.join(",", codes);
	}

	@Override
	public List<String> convertToEntityAttribute(String column) {
		return (column == null || column.isBlank()) ? List.of() : List.copyOf(Arrays.asList(column.split(",")));
	}

}
