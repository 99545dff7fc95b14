package org.hcpgate.professions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The professions, their titles and licence patterns, and the standard departments: what
 * the credential form offers and checks, what reviewers may correct to, and what zones
 * admit.
 */
@Service
public class ProfessionCatalogue {

	/** The department choice that asks for free text instead. */
	public static final String OTHER_DEPARTMENT = "other";

	/** A new profession's licence pattern until a lead sets its own. */
	public static final String DEFAULT_LICENCE_PATTERN = "[A-Za-z0-9-]{6,32}";

	private final ProfessionRepository professions;

	private final ProfessionalTitleRepository titles;

	private final DepartmentRepository departments;

	ProfessionCatalogue(ProfessionRepository professions, ProfessionalTitleRepository titles,
			DepartmentRepository departments) {
		this.professions = professions;
		this.titles = titles;
		this.departments = departments;
	}

	/** Every profession, retired ones too: what editors keep. */
	@Transactional(readOnly = true)
	public List<Profession> all() {
		return this.professions.findAllByOrderByPositionAscCodeAsc();
	}

	/** The professions a reader may choose, in order. */
	@Transactional(readOnly = true)
	public List<Profession> active() {
		return all().stream().filter(Profession::isActive).toList();
	}

	@Transactional(readOnly = true)
	public Optional<Profession> find(String code) {
		return (code == null) ? Optional.empty() : this.professions.findById(code);
	}

	/** A profession a reader may choose now. */
	@Transactional(readOnly = true)
	public Optional<Profession> findActive(String code) {
		return find(code).filter(Profession::isActive);
	}

	@Transactional(readOnly = true)
	public List<String> titles(String professionCode) {
		return this.titles.findByProfessionCodeOrderByPositionAscIdAsc(professionCode)
			.stream()
			.map(ProfessionalTitle::getName)
			.toList();
	}

	/**
	 * Each profession's titles, in order: the form groups them under their profession.
	 */
	@Transactional(readOnly = true)
	public Map<String, List<String>> titlesByProfession() {
		Map<String, List<String>> byProfession = new LinkedHashMap<>();
		for (Profession profession : all()) {
			byProfession.put(profession.getCode(), new java.util.ArrayList<>());
		}
		for (ProfessionalTitle title : this.titles.findAllByOrderByPositionAscIdAsc()) {
			byProfession.computeIfAbsent(title.getProfessionCode(), c -> new java.util.ArrayList<>())
				.add(title.getName());
		}
		return byProfession;
	}

	@Transactional(readOnly = true)
	public boolean isTitleOf(String professionCode, String title) {
		return title != null && titles(professionCode).contains(title.strip());
	}

	@Transactional(readOnly = true)
	public List<String> departments() {
		return this.departments.findAllByOrderByPositionAscIdAsc().stream().map(Department::getName).toList();
	}

	/** Whether a licence pattern is one the catalogue can use (a valid expression). */
	public static boolean isValidPattern(String pattern) {
		try {
			Pattern.compile(pattern);
			return true;
		}
		catch (PatternSyntaxException ex) {
			return false;
		}
	}

	/** Creates or changes a profession, its titles becoming these in this order. */
	@Transactional
	public Profession save(String code, ProfessionEdit edit) {
		Profession profession = this.professions.findById(code).orElseGet(() -> new Profession(code));
		profession.edit(edit);
		this.professions.saveAndFlush(profession);
		this.titles.deleteByProfessionCode(code);
		int position = 1;
		for (String title : edit.titles()) {
			this.titles.save(new ProfessionalTitle(code, title.strip(), position++));
		}
		return profession;
	}

	/** The standard departments become these, in this order. */
	@Transactional
	public void replaceDepartments(List<String> names) {
		this.departments.deleteAllInBatch();
		int position = 1;
		for (String name : names) {
			this.departments.save(new Department(name.strip(), position++));
		}
	}

}
