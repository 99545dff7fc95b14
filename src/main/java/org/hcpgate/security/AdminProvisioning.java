package org.hcpgate.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUserDataRuleImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The first Camunda administrator, before the server takes a request.
 * <ol>
 * <li>From configuration: {@code camunda.bpm.admin-user.id} and {@code .password} (the
 * starter creates the user). Outside the {@code demo} profile the password must be set,
 * may not be the id (the starter's silent default) and has at least
 * {@value #MIN_PASSWORD_LENGTH} characters.</li>
 * <li>Otherwise, on the very first start ({@code camunda-admin} without a member), a user
 * {@code hcp-gate.security.initial-admin.id} (default {@code admin}) with a random
 * password, printed once in the log;
 * {@code hcp-gate.security.initial-admin.generate=false} turns this off.</li>
 * <li>Then start-up fails unless {@code camunda-admin} has a direct member: while it has
 * none, the Admin webapp's first-run setup would let anyone create an administrator (the
 * setup endpoint is refused by the security configuration as well).</li>
 * </ol>
 */
@Component
class AdminProvisioning implements SmartInitializingSingleton {

	static final int MIN_PASSWORD_LENGTH = 12;

	private static final Logger log = LoggerFactory.getLogger(AdminProvisioning.class);

	private final IdentityService identity;

	private final StaffAuthorizations authorizations;

	private final Environment environment;

	private final StartupLock startupLock;

	AdminProvisioning(IdentityService identity, StaffAuthorizations authorizations, Environment environment,
			StartupLock startupLock) {
		this.startupLock = startupLock;
		this.identity = identity;
		this.authorizations = authorizations;
		this.environment = environment;
	}

	/** One node at a time: two nodes starting together make one administrator. */
	@Override
	public void afterSingletonsInstantiated() {
		refuseDefaultPassword(this.environment);
		this.startupLock.exclusively(this::provision);
	}

	private void provision() {
		if (!hasDirectMember(this.identity)
				&& this.environment.getProperty("hcp-gate.security.initial-admin.generate", Boolean.class, true)) {
			createInitialAdmin(this.environment.getProperty("hcp-gate.security.initial-admin.id", "admin"));
		}
		requireAdministrator(this.identity);
	}

	/** Outside the demo, a configured administrator comes with a real password. */
	static void refuseDefaultPassword(Environment environment) {
		String id = environment.getProperty("camunda.bpm.admin-user.id");
		if (id == null || environment.acceptsProfiles(Profiles.of("demo"))) {
			return;
		}
		String password = environment.getProperty("camunda.bpm.admin-user.password");
		if (password == null || password.equals(id) || password.length() < MIN_PASSWORD_LENGTH
				|| !meetsPasswordPolicy(password)) {
			throw new IllegalStateException("camunda.bpm.admin-user.password must be set for administrator '" + id
					+ "' (at least " + MIN_PASSWORD_LENGTH
					+ " characters, not the id, with upper and lower case letters, a digit and a special character): "
					+ "outside the demo profile there is no default password");
		}
	}

	/**
	 * @throws IllegalStateException when {@code camunda-admin} has no direct member
	 */
	static void requireAdministrator(IdentityService identity) {
		if (!hasDirectMember(identity)) {
			throw new IllegalStateException("Group " + Groups.CAMUNDA_ADMIN + " has no member: set "
					+ "camunda.bpm.admin-user.id and camunda.bpm.admin-user.password (environment "
					+ "CAMUNDA_BPM_ADMINUSER_ID, CAMUNDA_BPM_ADMINUSER_PASSWORD) or let HCP Gate generate a first "
					+ "administrator (hcp-gate.security.initial-admin.generate=true). Without one, Camunda's "
					+ "first-run setup would let anyone create an administrator.");
		}
	}

	static boolean hasDirectMember(IdentityService identity) {
		return identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count() > 0;
	}

	private void createInitialAdmin(String id) {
		if (this.identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
			Group group = this.identity.newGroup(Groups.CAMUNDA_ADMIN);
			group.setName("camunda BPM Administrators");
			group.setType(Groups.GROUP_TYPE_SYSTEM);
			this.identity.saveGroup(group);
		}
		this.authorizations.grantAdministrators();
		String password = randomPassword();
		User admin = this.identity.createUserQuery().userId(id).singleResult();
		if (admin == null) {
			admin = this.identity.newUser(id);
			admin.setFirstName("HCP Gate");
			admin.setLastName("Administrator");
		}
		admin.setPassword(password);
		this.identity.saveUser(admin);
		this.identity.createMembership(id, Groups.CAMUNDA_ADMIN);
		// Told once, on this first start only (the next start finds the member and says
		// nothing); the password goes to a file only the service's account can read,
		// never
		// to the log, which log shippers copy far and wide
		Path file = Path
			.of(this.environment.getProperty("hcp-gate.security.initial-admin.password-file",
					"./data/initial-admin-password"))
			.toAbsolutePath();
		writeOwnerOnly(file, password);
		log.warn("\n\n  First Camunda administrator created: user '{}', its one-time password is in {}\n"
				+ "  (readable by this account only). Sign in at /camunda/app/admin/, change it and delete the file\n"
				+ "  (or give one with camunda.bpm.admin-user.*).\n", id, file);
	}

	private static void writeOwnerOnly(Path file, String content) {
		try {
			Files.createDirectories(file.getParent());
			Files.deleteIfExists(file);
			try {
				Files.createFile(file,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			catch (UnsupportedOperationException notPosix) {
				Files.createFile(file);
			}
			Files.writeString(file, content + "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the first administrator's password to " + file, ex);
		}
	}

	/** 24 random characters, and what the password policy asks for besides. */
	static String randomPassword() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "-Hc9";
		Arrays.fill(bytes, (byte) 0);
		return password;
	}

	/**
	 * Camunda's password policy, as the engine applies it to every other password (the
	 * starter creates this one before the policy is on, see {@code EngineHardening}).
	 */
	static boolean meetsPasswordPolicy(String password) {
		return new DefaultPasswordPolicyImpl().getRules()
			.stream()
			.filter(rule -> !(rule instanceof PasswordPolicyUserDataRuleImpl))
			.allMatch(rule -> rule.execute(password));
	}

}
