package org.hcpgate.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every text a reader sees comes from the bundles, in both languages: the bundles hold
 * the same keys, every message key a template or the code names exists, and no template
 * holds literal text (PetClinic's rule: a text node, or a
 * title/alt/placeholder/aria-label, with a letter in it, that no th:text, th:utext,
 * th:replace or th:insert of its own or of an enclosing element replaces).
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
	void everyStatusHasATextInBothLanguages() throws IOException {
		// the rejection reasons' labels are data (reasons/ReasonCatalogue), not here
		for (String file : new String[] { "messages.properties", "messages_en.properties" }) {
			Properties messages = bundle(file);
			for (var status : org.hcpgate.verification.HcpVerification.Status.values()) {
				assertThat(messages.getProperty("account.status." + status)).as(file + " " + status).isNotBlank();
			}
		}
	}

	static final Pattern TOKEN = Pattern
		.compile("<(/?)([a-zA-Z][\\w:.-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*?)(/?)>|([^<]+)");

	static final Pattern ATTRIBUTE = Pattern.compile("([\\w:.-]+)\\s*=\\s*(\"[^\"]*\"|'[^']*')");

	static final Set<String> VOID_ELEMENTS = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link",
			"meta", "source", "track", "wbr");

	static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert", "th:errors");

	static final Set<String> TEXT_ATTRIBUTES = Set.of("title", "alt", "placeholder", "aria-label");

	@Test
	void templatesHoldNoLiteralText() throws IOException {
		List<String> literals = new ArrayList<>();
		try (Stream<Path> files = Files.walk(RESOURCES.resolve("templates"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
				literals.addAll(literalTexts(RESOURCES.resolve("templates").relativize(file).toString(),
						Files.readString(file)));
			}
		}
		assertThat(literals).as("literal text in templates: put it in messages*.properties").isEmpty();
	}

	@Test
	void theLiteralTextCheckFindsWhatItShould() {
		assertThat(literalTexts("t", "<p>Hello</p>")).hasSize(1);
		assertThat(literalTexts("t", "<p th:text=\"#{a}\">Hello <b>x</b></p>")).isEmpty();
		assertThat(literalTexts("t", "<p><span th:text=\"#{a}\">x</span> · (5)</p>")).isEmpty();
		assertThat(literalTexts("t", "<p>（<span th:text=\"#{a}\">x</span>s）</p>")).hasSize(1);
		assertThat(literalTexts("t", "<img src=\"a.png\" alt=\"a photo\">")).hasSize(1);
		assertThat(literalTexts("t", "<img src=\"a.png\" alt=\"a photo\" th:alt=\"#{a}\">")).isEmpty();
		assertThat(literalTexts("t", "<!-- a comment --><script>var a = 'b';</script>")).isEmpty();
		assertThat(literalTexts("t", "<p>审核中</p>")).hasSize(1);
	}

	/** Literal texts of one template, as "file: text". */
	static List<String> literalTexts(String name, String html) {
		String source = html.replaceAll("(?s)<!--.*?-->", "")
			.replaceAll("(?i)<!DOCTYPE[^>]*>", "")
			.replaceAll("(?s)<(script|style)\\b[^>]*>.*?</\\1>", "");
		List<String> found = new ArrayList<>();
		Deque<Boolean> replaced = new ArrayDeque<>();
		Deque<String> open = new ArrayDeque<>();
		Matcher token = TOKEN.matcher(source);
		while (token.find()) {
			boolean insideReplaced = replaced.contains(Boolean.TRUE);
			if (token.group(5) != null) {
				String text = token.group(5).strip();
				if (!insideReplaced && hasLetter(text)) {
					found.add(name + ": " + text);
				}
				continue;
			}
			String element = token.group(2).toLowerCase();
			if (!token.group(1).isEmpty()) {
				// closing tag: pop up to the matching element
				while (!open.isEmpty()) {
					replaced.pop();
					if (open.pop().equals(element)) {
						break;
					}
				}
				continue;
			}
			Map<String, String> attributes = new HashMap<>();
			Matcher attribute = ATTRIBUTE.matcher(token.group(3));
			while (attribute.find()) {
				String value = attribute.group(2);
				attributes.put(attribute.group(1), value.substring(1, value.length() - 1));
			}
			boolean replacing = attributes.keySet().stream().anyMatch(REPLACING::contains);
			for (String textAttribute : TEXT_ATTRIBUTES) {
				String value = attributes.get(textAttribute);
				if (!insideReplaced && !replacing && value != null && hasLetter(value)
						&& !attributes.containsKey("th:" + textAttribute) && !attributes.containsKey("th:attr")) {
					found.add(name + ": " + textAttribute + "=\"" + value + "\"");
				}
			}
			if (!VOID_ELEMENTS.contains(element) && token.group(4).isEmpty()) {
				open.push(element);
				replaced.push(replacing);
			}
		}
		return found;
	}

	private static boolean hasLetter(String text) {
		return text.codePoints().anyMatch(Character::isLetter);
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
