package org.hcpgate.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.hcpgate.credentials.CredentialForm;
import org.hcpgate.credentials.CredentialSubmission;
import org.hcpgate.credentials.PhotoIntake;
import org.hcpgate.credentials.StoredPhoto;
import org.hcpgate.journey.ConsentStep;
import org.hcpgate.journey.JourneyEngine;
import org.hcpgate.journey.JourneyService;
import org.hcpgate.readers.Reader;
import org.hcpgate.zones.Zone;
import org.hcpgate.zones.ZoneRepository;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.stereotype.Component;

/**
 * Takes fresh readers to a review through the same services the site's pages call: a zone of
 * its own (agreement only, no questions), the agreement, the credentials with a real PNG.
 * For tests about what staff do with the review.
 */
@Component
public class Submissions {

	private final Readers readers;

	private final ZoneRepository zones;

	private final JourneyEngine verification;

	private final JourneyService journey;

	private final TaskService tasks;

	private final PhotoIntake photos;

	Submissions(Readers readers, ZoneRepository zones, JourneyEngine verification, JourneyService journey,
			TaskService tasks, PhotoIntake photos) {
		this.readers = readers;
		this.zones = zones;
		this.verification = verification;
		this.journey = journey;
		this.tasks = tasks;
		this.photos = photos;
	}

	/** A new reader in a new zone, whose credentials wait at {@code review-credentials}. */
	public Submitted newSubmission(String realName) {
		Reader reader = this.readers.newReader();
		String zone = "rv" + UUID.randomUUID().toString().substring(0, 8);
		this.zones.save(new Zone(zone, "审核测试专区 " + zone, "测试协议", "协议正文", 1));
		this.journey.start(reader.getReaderId(), zone, null);
		this.journey.decideConsent(reader.getReaderId(), zone, ConsentStep.AGREEMENT, true, "127.0.0.1");
		Submitted submitted = new Submitted(reader, zone, null, null);
		return submitted.resubmit(this, realName, true);
	}

	/** The open review of the reader's verification (created by the job executor: waited for). */
	public Task reviewTask(String readerId, String taskKey) {
		return OpenTasks.await(this.tasks, readerId, taskKey);
	}
	/** A real 64x48 PNG: the licence photo. */
	public static byte[] png() {
		return TestImages.png();
	}
	/** A reader whose latest credentials wait for review. */
	public record Submitted(Reader reader, String zone, CredentialSubmission submission, Task review) {

		public String readerId() {
			return this.reader.getReaderId();
		}

		/** Submits (again) once the reader's step is open; a new photo only when asked. */
		public Submitted resubmit(Submissions submissions, String realName, boolean newPhoto) {
			await().atMost(Duration.ofSeconds(20))
				.until(() -> submissions.verification.currentStep(readerId(), this.zone).step(),
						s -> s != null && s.endsWith("credentials"));
			CredentialForm form = new CredentialForm();
			form.setRealName(realName);
			form.setHospital("北京协和医院");
			form.setDepartment("重症医学科");
			form.setProfessionalTitle("主治医师");
			form.setLicenceNumber("110108199001");
			StoredPhoto photo = newPhoto ? submissions.photos
				.accept(new MockMultipartFile("photo", "licence.png", "image/png", png()), readerId()) : null;
			CredentialSubmission submission = submissions.journey.submitCredentials(readerId(), this.zone, form, photo);
			return new Submitted(this.reader, this.zone, submission,
					submissions.reviewTask(readerId(), "review-credentials"));
		}

	}

}
