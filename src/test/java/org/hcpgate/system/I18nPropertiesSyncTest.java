package org.hcpgate.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every text a reader sees comes from the bundles, in both languages: the bundles hold the
 * same keys, and every message key a template or the code names exists.
 */
class I18nPropertiesSyncTest {

	static final Path RESOURCES = Path.of("src/main/resources");

	static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z0-9.\\-]+)[}(]");

	static final Pattern CODE_KEY = Pattern.compile("rejectValue\\(\"[^\"]+\", \"([^\"]+)\"|reject\\(\"([^\"]+)\""
			+ "|addFlashAttribute\\(\"(?:message|error)\", \"([^\"]+)\"|message = \"\\{([^}]+)}\"");

	@Test
	void bothLanguagesHaveTheSameKeys() throws IOException {
		assertThat(bundle("messages_en.properties").stringPropertyNames())
			.containsExactlyInAnyOrderElementsOf(bundle("messages.properties").stringPropertyNames());
	}

	@Test
	void everyKeyTheTemplatesAndTheCodeNameExists() throws IOException {
		Set<String> used = new TreeSet<>();
		collect(RESOURCES.resolve("templates"), ".html", TEMPLATE_KEY, used);
		collect(Path.of("src/main/java"), ".java", CODE_KEY, used);
		assertThat(used).as("keys found").hasSizeGreaterThan(50);
		assertThat(bundle("messages.properties").stringPropertyNames()).containsAll(used);
	}

	@Test
	void everyRejectionReasonAndStatusHasATextInBothLanguages() throws IOException {
		for (String file : new String[] { "messages.properties", "messages_en.properties" }) {
			Properties messages = bundle(file);
			for (var reason : org.hcpgate.review.RejectionReason.values()) {
				assertThat(messages.getProperty(reason.getMessageKey())).as(file + " " + reason).isNotBlank();
			}
			for (var status : org.hcpgate.verification.HcpVerification.Status.values()) {
				assertThat(messages.getProperty("account.status." + status)).as(file + " " + status).isNotBlank();
			}
		}
	}

	private static void collect(Path root, String suffix, Pattern pattern, Set<String> keys) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
				Matcher matcher = pattern.matcher(Files.readString(file));
				while (matcher.find()) {
					for (int group = 1; group <= matcher.groupCount(); group++) {
						if (matcher.group(group) != null) {
							keys.add(matcher.group(group));
						}
					}
				}
			}
		}
	}

	private static Properties bundle(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(RESOURCES.resolve(name))) {
			properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
