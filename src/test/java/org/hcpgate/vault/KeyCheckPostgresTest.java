package org.hcpgate.vault;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hcpgate.support.PostgresRepositoryTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 12: a node whose keys cannot read the database's personal data refuses to start,
 * saying what to set; a node with the same keys starts.
 */
class KeyCheckPostgresTest extends PostgresRepositoryTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PersonalDataCrypto crypto;

	@Test
	void aNodeWithOtherKeysRefusesToStartAndOneWithTheSameKeysStarts() {
		// the first start of this database wrote the sample (or this one does)
		new KeyCheck(this.jdbc, this.crypto).verify();
		assertThatNoException().isThrownBy(() -> new KeyCheck(this.jdbc, this.crypto).verify());
		assertThatThrownBy(() -> new KeyCheck(this.jdbc, PersonalDataCrypto.withNewKeys()).verify())
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("cannot read the personal data in this database")
			.hasMessageContaining("HCP_GATE_CRYPTO_KEYSET");
	}

}
