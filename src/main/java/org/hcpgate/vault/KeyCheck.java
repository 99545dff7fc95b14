package org.hcpgate.vault;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Before a node serves anything, its keys must read the personal data already in the
 * database: the first start writes a sample (table {@code crypto_check}), every later
 * start on every node decrypts it and checks its keyed hash. A node given other keys (a
 * second demo node that generated its own, a typo in a secret) refuses to start and says
 * what to set, instead of failing on every photo and decision it touches.
 */
@Component
class KeyCheck implements SmartInitializingSingleton {

	static final String SAMPLE = "hcp-gate key check";

	static final String CONTEXT = "crypto-check";

	private final JdbcTemplate jdbc;

	private final PersonalDataCrypto crypto;

	KeyCheck(JdbcTemplate jdbc, PersonalDataCrypto crypto) {
		this.jdbc = jdbc;
		this.crypto = crypto;
	}

	@Override
	public void afterSingletonsInstantiated() {
		verify();
	}

	/**
	 * @throws IllegalStateException when these keys cannot read what the database holds
	 */
	void verify() {
		List<Map<String, Object>> rows = this.jdbc
			.queryForList("select ciphertext, mac from crypto_check where id = 1");
		if (rows.isEmpty()) {
			try {
				this.jdbc.update("insert into crypto_check (id, ciphertext, mac, created_at) values (1, ?, ?, ?)",
						this.crypto.encrypt(SAMPLE, CONTEXT), this.crypto.hash(SAMPLE, CONTEXT),
						Timestamp.from(Instant.now()));
				return;
			}
			catch (DuplicateKeyException anotherNodeFirst) {
				rows = this.jdbc.queryForList("select ciphertext, mac from crypto_check where id = 1");
			}
		}
		String ciphertext = (String) rows.get(0).get("ciphertext");
		String mac = (String) rows.get(0).get("mac");
		boolean readable;
		try {
			readable = SAMPLE.equals(this.crypto.decrypt(ciphertext, CONTEXT));
		}
		catch (IllegalStateException | IllegalArgumentException wrongKey) {
			readable = false;
		}
		if (!readable || !mac.trim().equals(this.crypto.hash(SAMPLE, CONTEXT))) {
			throw new IllegalStateException("The encryption keys of this node cannot read the personal data in this "
					+ "database (table crypto_check). Every node must be given the same " + PersonalDataCrypto.KEYSET
					+ " and " + PersonalDataCrypto.HASH_KEYSET
					+ " (HCP_GATE_CRYPTO_KEYSET, HCP_GATE_CRYPTO_HASH_KEYSET) as the first node that used this "
					+ "database; demo nodes sharing a database must share " + PersonalDataCrypto.DEMO_KEYSET_FILE
					+ ". Refusing to start rather than fail on every photo and decision.");
		}
	}

}
