package org.hcpgate.staff;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.hcpgate.credentials.CredentialSubmission;

/**
 * What changed in a submission since the reader's previous one: each field with its
 * previous value, and whether a new licence photo was uploaded. A first submission
 * changes nothing.
 */
record SubmissionChanges(CredentialSubmission submission, CredentialSubmission previous, List<Field> fields,
		boolean photoChanged) {

	/** One field of the form, named by its message key ({@code field.*}). */
	record Field(String messageKey, String value, String previousValue, boolean changed) {
	}

	/**
	 * @param professionName the profession's name for its code (the catalogue's, in the
	 * reader's language)
	 */
	static SubmissionChanges of(CredentialSubmission submission, CredentialSubmission previous,
			Function<String, String> professionName) {
		Function<CredentialSubmission, String> profession = s -> (s.getProfession() == null) ? "–"
				: professionName.apply(s.getProfession());
		List<Field> fields = List.of(field("field.real-name", CredentialSubmission::getRealName, submission, previous),
				field("field.hospital", CredentialSubmission::getHospital, submission, previous),
				field("field.profession", profession, submission, previous),
				field("field.department", CredentialSubmission::getDepartment, submission, previous),
				field("field.professional-title", CredentialSubmission::getProfessionalTitle, submission, previous),
				field("field.licence-number", CredentialSubmission::getLicenceNumber, submission, previous));
		boolean photoChanged = previous != null && !Objects.equals(previous.getPhotoFile(), submission.getPhotoFile());
		return new SubmissionChanges(submission, previous, fields, photoChanged);
	}

	boolean anyChanged() {
		return this.photoChanged || this.fields.stream().anyMatch(Field::changed);
	}

	private static Field field(String messageKey, Function<CredentialSubmission, String> value,
			CredentialSubmission submission, CredentialSubmission previous) {
		String now = value.apply(submission);
		String before = (previous != null) ? value.apply(previous) : null;
		return new Field(messageKey, now, before, previous != null && !Objects.equals(now, before));
	}

}
