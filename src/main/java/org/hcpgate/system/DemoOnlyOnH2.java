package org.hcpgate.system;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code demo} is the default profile only on the embedded H2 default: a start that names
 * another database (say {@code SPRING_DATASOURCE_URL} of a PostgreSQL) and no profile
 * gets no demo accounts, no demo data and no generated keys, and so refuses to start
 * until its keys are set (the message says which). Naming {@code demo} keeps it, on any
 * database. Runs before the configuration files are read, so {@code application-demo.yml}
 * is never loaded for such a start.
 */
class DemoOnlyOnH2 implements EnvironmentPostProcessor, Ordered {

	static final String SOURCE = "hcp-gate-demo-only-on-h2";

	static final String NO_DEMO = "default";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String url = environment.getProperty("spring.datasource.url");
		boolean profilesNamed = environment.getActiveProfiles().length > 0
				|| environment.containsProperty("spring.profiles.default");
		if (url != null && !url.startsWith("jdbc:h2:") && !profilesNamed) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource(SOURCE, Map.of("spring.profiles.default", NO_DEMO)));
		}
	}

	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER - 1;
	}

}
