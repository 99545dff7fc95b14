package org.hcpgate.credentials;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.hcpgate.professions.Profession;
import org.hcpgate.professions.ProfessionCatalogue;
import org.hcpgate.vault.DocumentStore;
import org.hcpgate.vault.MissingDocumentException;
import org.hcpgate.vault.StoredDocument;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * A reader's credential submissions: one row per attempt (earlier ones stay), each with
 * its licence photo, encrypted at rest and bound to the reader.
 */
@Service
public class CredentialService {

	private final CredentialSubmissionRepository submissions;

	private final DocumentStore photos;

	private final ProfessionCatalogue professions;

	CredentialService(CredentialSubmissionRepository submissions, DocumentStore photos,
			ProfessionCatalogue professions) {
		this.submissions = submissions;
		this.photos = photos;
		this.professions = professions;
	}

	/**
	 * The checks of 完善信息 that need the catalogue: a profession a reader may choose, a
	 * title of that profession, a department of the list (or one typed under "other"),
	 * and a licence number in the profession's pattern. Errors go to their fields, with
	 * what the reader typed kept.
	 */
	@Transactional(readOnly = true)
	public void validate(CredentialForm form, Errors errors) {
		Optional<Profession> profession = this.professions.findActive(form.getProfession());
		if (form.getProfession() != null && !form.getProfession().isBlank() && profession.isEmpty()) {
			errors.rejectValue("profession", "credentials.profession.invalid");
		}
		if (profession.isPresent() && form.getProfessionalTitle() != null && !form.getProfessionalTitle().isBlank()
				&& !this.professions.isTitleOf(profession.get().getCode(), form.getProfessionalTitle())) {
			errors.rejectValue("professionalTitle", "credentials.professional-title.invalid",
					new Object[] { profession.get().nameIn(LocaleContextHolder.getLocale()) }, null);
		}
		if (form.getDepartment() != null && !form.getDepartment().isBlank()) {
			if (ProfessionCatalogue.OTHER_DEPARTMENT.equals(form.getDepartment())) {
				if (form.resolvedDepartment().isEmpty()) {
					errors.rejectValue("departmentOther", "validation.required");
				}
			}
			else if (!this.professions.departments().contains(form.getDepartment())) {
				errors.rejectValue("department", "credentials.department.invalid");
			}
		}
		if (profession.isPresent() && !errors.hasFieldErrors("licenceNumber")
				&& !profession.get().licenceMatches(form.getLicenceNumber())) {
			Locale locale = LocaleContextHolder.getLocale();
			errors.rejectValue("licenceNumber", "credentials.licence-number.mismatch",
					new Object[] { profession.get().nameIn(locale), profession.get().licenceHintIn(locale) }, null);
		}
	}

	/** The reader's last submission as the form shows it again. */
	@Transactional(readOnly = true)
	public Optional<CredentialForm> prefilled(String readerId) {
		return latest(readerId).map(previous -> CredentialForm.prefilledFrom(previous, this.professions.departments()));
	}

	/**
	 * Saves a new attempt of one verification. Attempts count within one verification: a
	 * re-verification starts again at 1. On a resubmission without a new file, the
	 * previous photo is kept. Joins the transaction that completes the reader's step.
	 * @param verificationId the {@code hcp-verification} instance the attempt belongs to
	 * @param photo the photo the vault accepted for this attempt, or null
	 * @throws MissingDocumentException when there is neither a new photo nor an earlier
	 * one
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public CredentialSubmission saveAttempt(String readerId, String verificationId, CredentialForm form,
			StoredDocument photo) {
		StoredDocument stored;
		if (photo != null) {
			// the reader's own pending photo, taken by this attempt (it no longer
			// expires)
			this.photos.attach(photo.fileName(), readerId);
			stored = photo;
		}
		else {
			stored = latest(readerId).map(p -> new StoredDocument(p.getPhotoFile(), p.getPhotoContentType()))
				.orElseThrow(MissingDocumentException::new);
		}
		int attempt = this.submissions.findFirstByVerificationIdOrderByAttemptDesc(verificationId)
			.map(p -> p.getAttempt() + 1)
			.orElse(1);
		return this.submissions.saveAndFlush(new CredentialSubmission(readerId, verificationId, attempt, form, stored));
	}

	@Transactional(readOnly = true)
	public Optional<CredentialSubmission> latest(String readerId) {
		return this.submissions.findFirstByReaderIdOrderBySubmittedAtDescIdDesc(readerId);
	}

	/** One of the reader's own submissions; empty for anyone else's. */
	@Transactional(readOnly = true)
	public Optional<CredentialSubmission> own(String readerId, long submissionId) {
		return this.submissions.findById(submissionId).filter(s -> s.getReaderId().equals(readerId));
	}

	/** The reader's attempts, newest first. */
	@Transactional(readOnly = true)
	public List<CredentialSubmission> of(String readerId) {
		return this.submissions.findByReaderIdOrderBySubmittedAtDesc(readerId);
	}

	/**
	 * One of the reader's own photos, in clear, from the store; the reader id is the
	 * encryption's associated data, so another reader's file cannot be opened this way.
	 */
	public InputStream openPhoto(String readerId, String fileName) throws IOException {
		return this.photos.open(fileName, readerId);
	}

}
