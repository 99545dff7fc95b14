package org.hcpgate.professions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One professional title of a profession (住院医师, 主治医师, …), in its list's order. */
@Entity
@Table(name = "profession_title")
public class ProfessionalTitle {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "profession_code", nullable = false)
	private String professionCode;

	@Column(nullable = false)
	private String name;

	@Column(nullable = false)
	private int position;

	protected ProfessionalTitle() {
	}

	ProfessionalTitle(String professionCode, String name, int position) {
		this.professionCode = professionCode;
		this.name = name;
		this.position = position;
	}

	public String getProfessionCode() {
		return this.professionCode;
	}

	public String getName() {
		return this.name;
	}

	public int getPosition() {
		return this.position;
	}

}
