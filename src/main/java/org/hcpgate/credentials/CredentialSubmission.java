package org.hcpgate.credentials;

import java.time.Instant;
import java.util.List;

import org.hcpgate.processes.ReasonCodesConverter;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.hcpgate.vault.StoredDocument;

/**
 * One attempt of a reader's credentials, with the review's outcome. Attempts are never
 * overwritten: a resubmission is a new row. Personal data stays here, out of the engine:
 * the process only carries {@code submissionId}. The licence number is stored encrypted,
 * with a keyed hash for lookups ({@link LicenceNumberEncryption}).
 */
@Entity
@Table(name = "credential_submission")
@EntityListeners(LicenceNumberEncryption.class)
public class CredentialSubmission {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "reader_id", nullable = false)
	private String readerId;

	/** The hcp-verification process instance this attempt belongs to. */
	@Column(name = "verification_id", nullable = false)
	private String verificationId;

	@Column(nullable = false)
	private int attempt;

	@Column(name = "real_name", nullable = false)
	private String realName;

	@Column(nullable = false)
	private String hospital;

	@Column(nullable = false)
	private String department;

	/**
	 * The profession's code in the catalogue (null for submissions before professions).
	 */
	private String profession;

	/**
	 * A reviewer's correction with the approval (the reader's own choice stays in
	 * {@link #profession} and {@link #professionalTitle}).
	 */
	@Column(name = "corrected_profession")
	private String correctedProfession;

	@Column(name = "corrected_title")
	private String correctedTitle;

	@Column(name = "corrected_by")
	private String correctedBy;

	@Column(name = "professional_title", nullable = false)
	private String professionalTitle;

	/** In clear, in memory only. */
	@Transient
	private String licenceNumber;

	@Column(name = "licence_number_enc")
	private String licenceNumberEncrypted;

	@Column(name = "licence_number_hash")
	private String licenceNumberHash;

	@Column(name = "photo_file", nullable = false)
	private String photoFile;

	@Column(name = "photo_content_type", nullable = false)
	private String photoContentType;

	@Column(name = "submitted_at", nullable = false)
	private Instant submittedAt;

	private String decision;

	@Column(name = "rejection_reasons")
	@Convert(converter = ReasonCodesConverter.class)
	private List<String> rejectionReasons = List.of();

	@Column(name = "review_note")
	private String reviewNote;

	@Column(name = "decided_at")
	private Instant decidedAt;

	protected CredentialSubmission() {
	}

	CredentialSubmission(String readerId, String verificationId, int attempt, CredentialForm form,
			StoredDocument photo) {
		this.readerId = readerId;
		this.verificationId = verificationId;
		this.attempt = attempt;
		this.realName = form.getRealName().strip();
		this.hospital = form.getHospital().strip();
		this.profession = form.getProfession();
		this.department = form.resolvedDepartment();
		this.professionalTitle = form.getProfessionalTitle().strip();
		this.licenceNumber = form.getLicenceNumber().strip();
		this.photoFile = photo.fileName();
		this.photoContentType = photo.contentType();
		this.submittedAt = Instant.now();
	}

	/** Records the review's outcome; the same decision again is a no-op (retried job). */
	public void decide(String decision, List<String> rejectionReasons, String reviewNote) {
		this.decision = decision;
		this.rejectionReasons = List.copyOf(rejectionReasons);
		this.reviewNote = reviewNote;
		if (this.decidedAt == null) {
			this.decidedAt = Instant.now();
		}
	}

	/** A reviewer corrected the profession and title as part of the approval. */
	public void correct(String profession, String title, String reviewer) {
		this.correctedProfession = profession;
		this.correctedTitle = title;
		this.correctedBy = reviewer;
	}

	public boolean isCorrected() {
		return this.correctedProfession != null;
	}

	/** The profession the verification holds for: the reviewer's correction, if any. */
	public String getEffectiveProfession() {
		return isCorrected() ? this.correctedProfession : this.profession;
	}

	public String getCorrectedProfession() {
		return this.correctedProfession;
	}

	public String getCorrectedTitle() {
		return this.correctedTitle;
	}

	public String getCorrectedBy() {
		return this.correctedBy;
	}

	public Long getId() {
		return this.id;
	}

	public String getReaderId() {
		return this.readerId;
	}

	public String getVerificationId() {
		return this.verificationId;
	}

	public int getAttempt() {
		return this.attempt;
	}

	public String getRealName() {
		return this.realName;
	}

	public String getHospital() {
		return this.hospital;
	}

	public String getProfession() {
		return this.profession;
	}

	public String getDepartment() {
		return this.department;
	}

	public String getProfessionalTitle() {
		return this.professionalTitle;
	}

	public String getLicenceNumber() {
		return this.licenceNumber;
	}

	String getLicenceNumberEncrypted() {
		return this.licenceNumberEncrypted;
	}

	void setLicenceNumberEncrypted(String licenceNumberEncrypted, String licenceNumberHash) {
		this.licenceNumberEncrypted = licenceNumberEncrypted;
		this.licenceNumberHash = licenceNumberHash;
	}

	void setLicenceNumberInClear(String licenceNumber) {
		this.licenceNumber = licenceNumber;
	}

	public String getLicenceNumberHash() {
		return this.licenceNumberHash;
	}

	public String getPhotoFile() {
		return this.photoFile;
	}

	public String getPhotoContentType() {
		return this.photoContentType;
	}

	public Instant getSubmittedAt() {
		return this.submittedAt;
	}

	public String getDecision() {
		return this.decision;
	}

	public List<String> getRejectionReasons() {
		return this.rejectionReasons;
	}

	public String getReviewNote() {
		return this.reviewNote;
	}

	public Instant getDecidedAt() {
		return this.decidedAt;
	}

}
