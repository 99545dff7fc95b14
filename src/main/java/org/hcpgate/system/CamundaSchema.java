package org.hcpgate.system;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;

/**
 * Camunda's tables, created by Flyway with Camunda's own scripts (those the engine runs
 * itself, from the engine jar), so that they are created once, under Flyway's lock, when
 * several nodes start at the same moment on an empty database: the engine's own creation
 * has no lock, and the second node died in it. A database that already has Camunda's
 * tables (made by the engine before this version) is left as it is; the engine still
 * checks the schema's version at every start
 * ({@code camunda.bpm.database.schema-update}). Spring Boot hands this bean to Flyway as
 * a Java migration.
 */
@Component
class CamundaSchema implements JavaMigration {

	/**
	 * The order Camunda creates them in
	 * ({@code AbstractPersistenceSession#dbSchemaCreate}).
	 */
	static final List<String> COMPONENTS = List.of("engine", "history", "identity", "case.engine", "case.history",
			"decision.engine", "decision.history");

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("28");
	}

	@Override
	public String getDescription() {
		return "camunda schema";
	}

	/** The scripts are Camunda's and change with its version, not with this class. */
	@Override
	public Integer getChecksum() {
		return null;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		if (hasCamundaTables(connection)) {
			return;
		}
		String database = database(connection);
		for (String component : COMPONENTS) {
			String script = "org/camunda/bpm/engine/db/create/activiti." + database + ".create." + component + ".sql";
			ScriptUtils.executeSqlScript(connection,
					new EncodedResource(new ClassPathResource(script), StandardCharsets.UTF_8));
		}
	}

	private static boolean hasCamundaTables(Connection connection) throws SQLException {
		for (String name : new String[] { "ACT_GE_PROPERTY", "act_ge_property" }) {
			try (ResultSet tables = connection.getMetaData().getTables(null, null, name, null)) {
				if (tables.next()) {
					return true;
				}
			}
		}
		return false;
	}

	/** Camunda's name for the database: its scripts are named by it. */
	static String database(Connection connection) throws SQLException {
		String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
		if (product.contains("postgres")) {
			return "postgres";
		}
		if (product.contains("h2")) {
			return "h2";
		}
		throw new IllegalStateException("HCP Gate runs on PostgreSQL (or the embedded H2), not on " + product);
	}

}
