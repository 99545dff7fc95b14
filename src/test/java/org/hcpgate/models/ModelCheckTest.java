package org.hcpgate.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.hcpgate.processes.StaffGroups;
import org.junit.jupiter.api.Test;

/**
 * The model check without the application: the beans the shipped models call stand for
 * the application's.
 */
class ModelCheckTest {

	static final Set<String> BEANS = Set.of("announceVerificationOutcome", "escalateReview", "grantZoneAccess",
			"hcpVerificationService", "journeyEngine", "openReviewRound", "recordAbandonment", "recordFinalRejection",
			"recordInformationRejection", "recordRejection", "recordReviewDecision", "recordVerification",
			"reopenVerification", "requireSecondReviewer", "reviewAssignment", "revokeVerification",
			"verificationSettings", "zoneService");

	static final ModelContext CONTEXT = new ModelContext() {
		@Override
		public boolean isBean(String name) {
			return BEANS.contains(name);
		}

		@Override
		public Set<String> knownGroups() {
			return Set.copyOf(StaffGroups.ALL);
		}
	};

	@Test
	void theShippedModelsPass() throws IOException {
		assertThat(ModelCheck.check(shipped(), CONTEXT)).isEmpty();
	}

	@Test
	void aStaffFormFieldKeyedAsAVariableOfTheProcessIsRefused() throws IOException {
		Map<String, byte[]> files = shipped();
		for (String key : List.of("attempt", "reviewedBy", "readerId", "submissionId")) {
			files.put("forms/review-credentials.form",
					text(files.get("forms/review-credentials.form"))
						.replace("\"key\": \"internalNote\"", "\"key\": \"" + key + "\"")
						.getBytes(StandardCharsets.UTF_8));
			assertThat(ModelCheck.check(files, CONTEXT)).map(ModelProblem::toString)
				.as(key)
				.anySatisfy(problem -> assertThat(problem).contains("[review-credentials]", "'" + key + "'",
						"the process's own"));
			files = shipped();
		}
	}

	@Test
	void aReaderFormsRoutingFieldKeyedAsAVariableOfTheProcessIsRefused() throws IOException {
		Map<String, byte[]> files = variant();
		files.put("work-badge.form",
				text(files.get("work-badge.form")).replace("\"key\": \"badgeProfession\"", "\"key\": \"readerId\"")
					.getBytes(StandardCharsets.UTF_8));
		assertThat(ModelCheck.check(files, CONTEXT)).map(ModelProblem::toString)
			.anySatisfy(
					problem -> assertThat(problem).contains("[upload-work-badge]", "'readerId'", "the process's own"));
	}

	static Map<String, byte[]> variant() throws IOException {
		Map<String, byte[]> files = new LinkedHashMap<>();
		for (String name : List.of("zone-access-work-badge.bpmn", "work-badge.form")) {
			files.put(name, Files.readAllBytes(Path.of("src/test/resources/variants", name)));
		}
		files.put("information-review.dmn", Files.readAllBytes(Path.of("processes/information-review.dmn")));
		files.put("review-information.form", Files.readAllBytes(Path.of("forms/review-information.form")));
		return files;
	}

	static Map<String, byte[]> shipped() throws IOException {
		Map<String, byte[]> files = new LinkedHashMap<>();
		for (String folder : List.of("processes", "forms")) {
			try (Stream<Path> paths = Files.list(Path.of(folder))) {
				for (Path path : paths.sorted().toList()) {
					files.put(folder + "/" + path.getFileName(), Files.readAllBytes(path));
				}
			}
		}
		return files;
	}

	static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
