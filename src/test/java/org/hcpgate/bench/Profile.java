package org.hcpgate.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a node's CPU time goes: a Java Flight Recording (jcmd JFR.start, the JDK's own
 * sampling profiler) of the measured phase, summed up by the libraries on the stack of
 * each sample (a sample counts for every library it passes through) and by the hottest
 * methods.
 */
final class Profile {

	/** Package prefixes and what they are, in the order they are reported. */
	private static final Map<String, String> LAYERS = new LinkedHashMap<>();

	static {
		LAYERS.put("org.springframework.security.crypto.bcrypt", "BCrypt (sign-in)");
		LAYERS.put("org.thymeleaf", "Thymeleaf (pages)");
		LAYERS.put("org.camunda.bpm.engine", "Camunda engine");
		LAYERS.put("org.apache.ibatis", "MyBatis (Camunda's SQL)");
		LAYERS.put("org.hibernate", "Hibernate (JPA)");
		LAYERS.put("org.postgresql", "PostgreSQL JDBC driver");
		LAYERS.put("com.zaxxer.hikari", "HikariCP");
		LAYERS.put("org.springframework.session", "Spring Session JDBC");
		LAYERS.put("org.springframework.security", "Spring Security");
		LAYERS.put("com.google.crypto.tink", "Tink (encryption)");
		LAYERS.put("javax.imageio", "ImageIO (photo re-encoding)");
		LAYERS.put("com.fasterxml.jackson", "Jackson (JSON)");
		LAYERS.put("org.apache.catalina", "Tomcat");
		LAYERS.put("org.hcpgate", "HCP Gate's own code");
	}

	private final long pid;

	private final Path file;

	private Profile(long pid, Path file) {
		this.pid = pid;
		this.file = file;
	}

	static Profile start(long pid, Path file) throws Exception {
		Files.createDirectories(file.getParent());
		jcmd(pid, "JFR.start", "name=bench", "settings=profile");
		return new Profile(pid, file);
	}

	/** Stops the recording; a Markdown summary of it. */
	String stop() throws Exception {
		jcmd(this.pid, "JFR.stop", "name=bench", "filename=" + this.file.toAbsolutePath());
		Map<String, Integer> layers = new TreeMap<>();
		Map<String, Integer> methods = new TreeMap<>();
		int samples = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(this.file)) {
			if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
				continue;
			}
			samples++;
			List<RecordedFrame> frames = event.getStackTrace().getFrames();
			if (!frames.isEmpty()) {
				RecordedFrame top = frames.get(0);
				methods.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1, Integer::sum);
			}
			frames.stream()
				.map(frame -> layer(frame.getMethod().getType().getName()))
				.filter(layer -> layer != null)
				.distinct()
				.forEach(layer -> layers.merge(layer, 1, Integer::sum));
		}
		int total = Math.max(1, samples);
		StringBuilder summary = new StringBuilder();
		summary.append("Samples: ")
			.append(samples)
			.append(" (JFR `profile` settings, every 10 ms of each running thread)\n\n");
		summary.append("| library on the stack | share of samples |\n|---|---:|\n");
		for (String layer : LAYERS.values()) {
			if (layers.containsKey(layer)) {
				summary.append("| ")
					.append(layer)
					.append(" | ")
					.append(String.format("%.0f %%", 100.0 * layers.get(layer) / total))
					.append(" |\n");
			}
		}
		summary.append("\n| hottest methods (on top of the stack) | share |\n|---|---:|\n");
		methods.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
			.limit(10)
			.forEach(entry -> summary.append("| `")
				.append(entry.getKey())
				.append("` | ")
				.append(String.format("%.1f %%", 100.0 * entry.getValue() / total))
				.append(" |\n"));
		return summary.toString();
	}

	private static String layer(String type) {
		return LAYERS.entrySet()
			.stream()
			.filter(entry -> type.startsWith(entry.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

	private static void jcmd(long pid, String... command) throws Exception {
		List<String> line = new java.util.ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(pid)));
		line.addAll(List.of(command));
		Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException(String.join(" ", line) + ": " + output);
		}
	}

}
