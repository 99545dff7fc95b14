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

/**
 * The sessions' table (Spring Session JDBC) under requests that overlap in one session:
 * Tasklist sends several at once, and so does a reader with two tabs. Each request that
 * sets an attribute its session did not have when it was read inserts it; two such
 * requests collided on the attribute's key, and the second answered 500. An attribute is
 * written with an upsert instead (PostgreSQL: Spring Session's own; H2: MERGE), so the
 * last write wins, as it does for the session's other fields.
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

	private static final String H2_UPSERT = """
			MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
			KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
			VALUES (?, ?, ?)
			""";

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> attributesUpserted(DataSource dataSource)
			throws MetaDataAccessException {
		String product = JdbcUtils.extractDatabaseMetaData(dataSource, metaData -> metaData.getDatabaseProductName());
		return switch (DatabaseDriver.fromProductName(product)) {
			case POSTGRESQL -> new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
			case H2 -> repository -> repository.setCreateSessionAttributeQuery(H2_UPSERT);
			default -> repository -> {
			};
		};
	}

}
