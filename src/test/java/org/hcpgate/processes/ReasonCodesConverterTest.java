package org.hcpgate.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ReasonCodesConverterTest {

	private final ReasonCodesConverter converter = new ReasonCodesConverter();

	@Test
	void codesRoundTripThroughOneColumn() {
		String column = this.converter.convertToDatabaseColumn(List.of("photo-unreadable", "not-hcp"));
		assertThat(column).isEqualTo("photo-unreadable,not-hcp");
		assertThat(this.converter.convertToEntityAttribute(column)).containsExactly("photo-unreadable", "not-hcp");
	}

	@Test
	void noCodesIsNull() {
		assertThat(this.converter.convertToDatabaseColumn(List.of())).isNull();
		assertThat(this.converter.convertToDatabaseColumn(null)).isNull();
		assertThat(this.converter.convertToEntityAttribute(null)).isEmpty();
		assertThat(this.converter.convertToEntityAttribute("")).isEmpty();
	}

}
