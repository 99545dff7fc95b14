package org.hcpgate.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The plan of the code as a build check (README, "Layout"): packages stand on floors, and
 * a package uses only packages on lower floors; the engine is reached through its doors,
 * the delegates and listeners, security and configuration only.
 */
class ArchitectureTest {

	static final String ROOT = "org.hcpgate";

	/** Lowest floor first. The same list is drawn in the README. */
	static final Map<String, List<String>> FLOORS = floors();

	/**
	 * Glue that the delegates and listeners of the staff side share: they read the
	 * delegate's execution or task, or are the refusal a listener throws.
	 */
	static final Set<String> LISTENER_GLUE = Set.of("org.hcpgate.review.ReviewActors",
			"org.hcpgate.review.ReviewAssignment", "org.hcpgate.review.ReviewDecisionVariables",
			"org.hcpgate.review.ReviewRefusedException");

	/** The packages whose configuration and start-up set-up may configure the engine. */
	static final Set<String> ENGINE_SET_UP = Set.of("system", "staff");

	/** The one door to the engine of each side. */
	static final Set<String> ENGINE_DOORS = Set.of("org.hcpgate.journey.JourneyEngine",
			"org.hcpgate.review.ReviewEngine");

	static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(ROOT);

	private static Map<String, List<String>> floors() {
		Map<String, List<String>> floors = new LinkedHashMap<>();
		floors.put("basement", List.of("patterns"));
		floors.put("ground",
				List.of("vault", "processes", "readers", "zones", "consent", "professions", "reasons", "forms"));
		floors.put("middle", List.of("credentials", "answers", "verification", "notifications", "security"));
		floors.put("top", List.of("journey", "review", "articles", "accounts", "models"));
		floors.put("outer", List.of("staff", "privacy", "content", "partners"));
		floors.put("set-up", List.of("system"));
		return floors;
	}

	@Test
	void everyPackageStandsOnAFloor() {
		Set<String> packages = new TreeSet<>();
		for (JavaClass type : MAIN) {
			String feature = feature(type.getPackageName());
			if (feature != null) {
				packages.add(feature);
			}
		}
		List<String> placed = FLOORS.values().stream().flatMap(List::stream).toList();
		assertThat(placed).as("packages on the floors").containsExactlyInAnyOrderElementsOf(packages);
	}

	@Test
	void aPackageUsesOnlyPackagesOnLowerFloors() {
		List<String> violations = new ArrayList<>();
		for (JavaClass type : MAIN) {
			String from = feature(type.getPackageName());
			if (from == null) {
				continue;
			}
			for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
				String to = feature(dependency.getTargetClass().getPackageName());
				if (to != null && !to.equals(from) && floor(to) >= floor(from)) {
					violations.add(from + " (" + floorName(from) + ") -> " + to + " (" + floorName(to) + "): "
							+ dependency.getDescription());
				}
			}
		}
		assertThat(violations).as("dependencies on the same or a higher floor").isEmpty();
	}

	@Test
	void onlyTheDoorsTheDelegatesSecurityAndConfigurationUseTheEngine() {
		noClasses().that(new DescribedPredicate<JavaClass>("are not allowed to use Camunda") {
			@Override
			public boolean test(JavaClass type) {
				return !mayUseTheEngine(type);
			}
		})
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.camunda..")
			.because("a move to a fork of Camunda 7 must stay a dependency change (design §4)")
			.check(MAIN);
	}

	@Test
	void theDoorsAreTheOnlyClassesThatHoldTheEngineServices() {
		noClasses().that(new DescribedPredicate<JavaClass>("are neither a door, security nor configuration") {
			@Override
			public boolean test(JavaClass type) {
				JavaClass top = outermost(type);
				return !ENGINE_DOORS.contains(top.getName()) && !isConfiguration(top)
						&& !type.getPackageName().startsWith(ROOT + ".security");
			}
		})
			.should()
			.dependOnClassesThat()
			.haveNameMatching("org\\.camunda\\.bpm\\.engine\\.(RuntimeService|TaskService|HistoryService)")
			.because("one door to the engine per side: JourneyEngine for readers, ReviewEngine for staff")
			.check(MAIN);
	}

	static boolean mayUseTheEngine(JavaClass type) {
		JavaClass top = outermost(type);
		String name = top.getName();
		return name.equals(ROOT + ".HcpGateApplication") || ENGINE_DOORS.contains(name) || LISTENER_GLUE.contains(name)
				|| top.getPackageName().startsWith(ROOT + ".security")
				// the check of the designers' models reads Camunda's BPMN and DMN
				|| top.getPackageName().startsWith(ROOT + ".models") || top.isAssignableTo(JavaDelegate.class)
				|| top.isAssignableTo(TaskListener.class) || top.isAssignableTo(ExecutionListener.class)
				|| isConfiguration(top);
	}

	/**
	 * Configuration and start-up set-up of the engine where it belongs: the application's
	 * set-up (system: the engine's plugins, groups, jobs and demo data) and the staff
	 * side's Tasklist set-up (staff: its filters). A configuration class elsewhere is
	 * held to the rule like any other class.
	 */
	static boolean isConfiguration(JavaClass type) {
		String feature = feature(type.getPackageName());
		return feature != null && ENGINE_SET_UP.contains(feature) && (type.isAnnotatedWith(Configuration.class)
				|| type.isAnnotatedWith(ConfigurationProperties.class) || type.isAssignableTo(ApplicationRunner.class));
	}

	private static JavaClass outermost(JavaClass type) {
		JavaClass current = type;
		while (current.getEnclosingClass().isPresent()) {
			current = current.getEnclosingClass().get();
		}
		return current;
	}

	/**
	 * The feature package of a class: the first segment under the root, or null for the
	 * root.
	 */
	static String feature(String packageName) {
		if (!packageName.startsWith(ROOT + ".")) {
			return null;
		}
		String rest = packageName.substring(ROOT.length() + 1);
		int dot = rest.indexOf('.');
		return (dot < 0) ? rest : rest.substring(0, dot);
	}

	static int floor(String feature) {
		int index = 0;
		for (List<String> packages : FLOORS.values()) {
			if (packages.contains(feature)) {
				return index;
			}
			index++;
		}
		throw new IllegalStateException("Package " + feature + " stands on no floor");
	}

	static String floorName(String feature) {
		return List.copyOf(FLOORS.keySet()).get(floor(feature));
	}

}
