package org.hcpgate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;

/**
 * The start-up check on its own, on an engine of its own (not the application's):
 * start-up fails with a clear message while {@code camunda-admin} has no direct member,
 * and outside the demo no administrator comes with a default password.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdminProvisioningTest {

	static ProcessEngine engine;

	static IdentityService identity;

	@BeforeAll
	static void engine() {
		StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
		configuration.setProcessEngineName("admin-provisioning-test");
		configuration.setJdbcUrl("jdbc:h2:mem:admin-provisioning-test;DB_CLOSE_DELAY=1000");
		configuration.setJobExecutorActivate(false);
		engine = configuration.buildProcessEngine();
		identity = engine.getIdentityService();
	}

	/** The engine's own database (H2): the lock in memory. */
	static StartupLock startupLock() {
		return new StartupLock(new JdbcTemplate(
				((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource()));
	}

	@AfterAll
	static void close() {
		engine.close();
	}

	@Test
	void startUpFailsWhileCamundaAdminHasNoDirectMember() {
		Group admins = identity.newGroup("camunda-admin");
		identity.saveGroup(admins);
		try {
			assertThatThrownBy(() -> AdminProvisioning.requireAdministrator(identity))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("camunda-admin has no member")
				.hasMessageContaining("camunda.bpm.admin-user.id");
			User admin = identity.newUser("firstadmin");
			admin.setPassword("a-long-enough-password");
			identity.saveUser(admin);
			identity.createMembership("firstadmin", "camunda-admin");
			assertThatNoException().isThrownBy(() -> AdminProvisioning.requireAdministrator(identity));
		}
		finally {
			identity.deleteUser("firstadmin");
			identity.deleteGroup("camunda-admin");
		}
	}

	@Test
	void outsideTheDemoAConfiguredAdministratorNeedsARealPassword() {
		MockEnvironment noPassword = new MockEnvironment().withProperty("camunda.bpm.admin-user.id", "ops");
		assertThatThrownBy(() -> AdminProvisioning.refuseDefaultPassword(noPassword))
			.hasMessageContaining("camunda.bpm.admin-user.password must be set");
		MockEnvironment idAsPassword = new MockEnvironment().withProperty("camunda.bpm.admin-user.id", "operator-one")
			.withProperty("camunda.bpm.admin-user.password", "operator-one");
		assertThatThrownBy(() -> AdminProvisioning.refuseDefaultPassword(idAsPassword))
			.isInstanceOf(IllegalStateException.class);
		MockEnvironment shortPassword = new MockEnvironment().withProperty("camunda.bpm.admin-user.id", "ops")
			.withProperty("camunda.bpm.admin-user.password", "short");
		assertThatThrownBy(() -> AdminProvisioning.refuseDefaultPassword(shortPassword))
			.isInstanceOf(IllegalStateException.class);

		MockEnvironment good = new MockEnvironment().withProperty("camunda.bpm.admin-user.id", "ops")
			.withProperty("camunda.bpm.admin-user.password", "Correct-horse-battery-9");
		assertThatNoException().isThrownBy(() -> AdminProvisioning.refuseDefaultPassword(good));
		// long, but not what the password policy asks of every staff password
		MockEnvironment lowerCaseOnly = new MockEnvironment().withProperty("camunda.bpm.admin-user.id", "ops")
			.withProperty("camunda.bpm.admin-user.password", "correct-horse-battery");
		assertThatThrownBy(() -> AdminProvisioning.refuseDefaultPassword(lowerCaseOnly))
			.isInstanceOf(IllegalStateException.class);
		MockEnvironment demo = new MockEnvironment().withProperty("camunda.bpm.admin-user.id", "demo-admin")
			.withProperty("camunda.bpm.admin-user.password", "demo-admin");
		demo.setActiveProfiles("demo");
		assertThatNoException().isThrownBy(() -> AdminProvisioning.refuseDefaultPassword(demo));
	}

	/**
	 * The one-time password reaches the operator through a file only the service's
	 * account reads, never the log (it was printed there, for every log shipper to copy).
	 */
	@Test
	void withoutConfigurationTheFirstAdministratorGetsAOneTimePasswordOnce(CapturedOutput log, @TempDir Path directory)
			throws Exception {
		Path file = directory.resolve("initial-admin-password");
		MockEnvironment nothingConfigured = new MockEnvironment()
			.withProperty("hcp-gate.security.initial-admin.password-file", file.toString());
		AdminProvisioning provisioning = new AdminProvisioning(identity,
				new StaffAuthorizations(engine.getAuthorizationService(), startupLock()), nothingConfigured,
				startupLock());
		try {
			provisioning.afterSingletonsInstantiated();
			assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").userId("admin").count()).isOne();
			User admin = identity.createUserQuery().userId("admin").singleResult();
			// the right password first: after a wrong one Camunda delays the next check
			String password = Files.readString(file).strip();
			assertThat(identity.checkPassword("admin", password)).isTrue();
			assertThat(identity.checkPassword("admin", "admin")).isFalse();
			assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
					PosixFilePermission.OWNER_WRITE);
			assertThat(log.getAll()).contains(file.toString()).doesNotContain(password);
			// a second start finds the member and changes nothing
			provisioning.afterSingletonsInstantiated();
			assertThat(identity.createUserQuery().userId("admin").singleResult().getPassword())
				.isEqualTo(admin.getPassword());
			assertThat(engine.getAuthorizationService().createAuthorizationQuery().groupIdIn("camunda-admin").count())
				.isPositive();
		}
		finally {
			identity.deleteUser("admin");
			identity.deleteGroup("camunda-admin");
		}
	}

	@Test
	void generationCanBeTurnedOffAndThenStartUpFails() {
		MockEnvironment noGeneration = new MockEnvironment().withProperty("hcp-gate.security.initial-admin.generate",
				"false");
		AdminProvisioning provisioning = new AdminProvisioning(identity,
				new StaffAuthorizations(engine.getAuthorizationService(), startupLock()), noGeneration, startupLock());
		assertThatThrownBy(provisioning::afterSingletonsInstantiated).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("has no member");
	}

	@Test
	void oneTimePasswordsAreLongAndRandom() {
		assertThat(AdminProvisioning.randomPassword()).hasSizeGreaterThanOrEqualTo(24)
			.isNotEqualTo(AdminProvisioning.randomPassword());
	}

}
