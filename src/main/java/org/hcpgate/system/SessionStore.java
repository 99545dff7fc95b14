package org.hcpgate.system;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sessions' table (Spring Session JDBC) under requests that overlap in one session:
 * Tasklist sends several at once, and so does a reader with two tabs. Each request that
 * sets an attribute its session did not have when it was read inserts it; two such
 * requests collided on the attribute's key, and the second answered 500. An attribute is
 * written with an upsert instead (PostgreSQL: Spring Session's own; H2: MERGE), so the
 * last write wins, as it does for the session's other fields.
 * <p>
 * Spring Session also sets the session's last access time on every request, so every page
 * view, status poll and Tasklist call wrote the session's row (an UPDATE and a commit
 * that waits for the disk). On PostgreSQL the row is written only when something else
 * changed or the stored last access is {@link #LAST_ACCESS_RESOLUTION_MILLIS} old: a
 * request that changes nothing writes nothing. The price: a session idle for its whole
 * timeout may expire up to a minute early (of 30).
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

	private static final String H2_UPSERT = """
			MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
			KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
			VALUES (?, ?, ?)
			""";

	static final long LAST_ACCESS_RESOLUTION_MILLIS = 60_000;

	/**
	 * Spring Session's update with its parameters in the same order, written only when it
	 * changes more than the last access time by less than the resolution.
	 */
	static final String POSTGRESQL_UPDATE = """
			UPDATE %TABLE_NAME% S
			SET SESSION_ID = V.SESSION_ID, LAST_ACCESS_TIME = V.LAST_ACCESS_TIME,
				MAX_INACTIVE_INTERVAL = V.MAX_INACTIVE_INTERVAL, EXPIRY_TIME = V.EXPIRY_TIME,
				PRINCIPAL_NAME = V.PRINCIPAL_NAME
			FROM (VALUES (?::varchar, ?::bigint, ?::integer, ?::bigint, ?::varchar, ?::char(36)))
				AS V (SESSION_ID, LAST_ACCESS_TIME, MAX_INACTIVE_INTERVAL, EXPIRY_TIME, PRINCIPAL_NAME, PRIMARY_ID)
			WHERE S.PRIMARY_ID = V.PRIMARY_ID
				AND (S.SESSION_ID <> V.SESSION_ID OR S.MAX_INACTIVE_INTERVAL <> V.MAX_INACTIVE_INTERVAL
					OR S.PRINCIPAL_NAME IS DISTINCT FROM V.PRINCIPAL_NAME
					OR V.LAST_ACCESS_TIME - S.LAST_ACCESS_TIME >= %RESOLUTION%)
			""".replace("%RESOLUTION%", Long.toString(LAST_ACCESS_RESOLUTION_MILLIS));

	@Bean
	TransactionOperations springSessionTransactionOperations(PlatformTransactionManager transactions) {
		TransactionTemplate template = new TransactionTemplate(transactions);
		template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
		return template;
	}

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> attributesUpserted(DataSource dataSource)
			throws MetaDataAccessException {
		String product = JdbcUtils.extractDatabaseMetaData(dataSource, metaData -> metaData.getDatabaseProductName());
		return switch (DatabaseDriver.fromProductName(product)) {
			case POSTGRESQL -> repository -> {
				new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(repository);
				repository.setUpdateSessionQuery(POSTGRESQL_UPDATE);
			};
			case H2 -> repository -> repository.setCreateSessionAttributeQuery(H2_UPSERT);
			default -> repository -> {
			};
		};
	}

}
