package org.hcpgate.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Production cannot start as a demo (issue 10): the application's own configuration files
 * and environment post-processors, run for a start with a given database URL and
 * profiles. An empty context: no engine, no beans, just the environment as the
 * application sees it.
 */
class DemoOnlyOnH2Test {

	@Test
	void theEmbeddedDefaultIsTheDemo() {
		Environment environment = environment();
		assertThat(environment.acceptsProfiles(Profiles.of("demo"))).isTrue();
		assertThat(environment.getProperty("camunda.bpm.admin-user.id")).isEqualTo("demo-admin");
	}

	@Test
	void anotherDatabaseWithoutAProfileGetsNoDemoAccountsAndNoGeneratedKeys() {
		Environment environment = environment("--spring.datasource.url=jdbc:postgresql://db.internal:5432/hcpgate");
		assertThat(environment.acceptsProfiles(Profiles.of("demo"))).isFalse();
		assertThat(environment.getProperty("camunda.bpm.admin-user.id")).isNull();
		assertThat(environment.getProperty("hcp-gate.crypto.demo-keyset-file")).isNull();
	}

	@Test
	void namingDemoKeepsItOnAnyDatabase() {
		Environment environment = environment("--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/hcpgate",
				"--spring.profiles.active=postgres,demo");
		assertThat(environment.acceptsProfiles(Profiles.of("demo"))).isTrue();
		assertThat(environment.getProperty("camunda.bpm.admin-user.id")).isEqualTo("demo-admin");
	}

	private static Environment environment(String... arguments) {
		SpringApplication application = new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.build();
		try (ConfigurableApplicationContext context = application.run(arguments)) {
			return context.getEnvironment();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

}
