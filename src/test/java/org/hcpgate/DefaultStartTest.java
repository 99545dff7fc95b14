package org.hcpgate;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.hcpgate.articles.ArticleRepository;
import org.hcpgate.system.SessionStoreChecks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * The README's first command: no profile, no database set up. Starts on embedded H2 with
 * the demo profile and deploys the models and the form together.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:default-start;DB_CLOSE_DELAY=-1",
		"hcp-gate.storage.directory=target/default-start-uploads",
		"hcp-gate.crypto.demo-keyset-file=target/default-start-keysets.json" })
class DefaultStartTest {

	@Autowired
	Environment environment;

	@Autowired
	RepositoryService repository;

	@Autowired
	IdentityService identity;

	@Autowired
	ArticleRepository articles;

	@Autowired
	FilterService filters;

	@Autowired
	JdbcIndexedSessionRepository sessions;

	/**
	 * The session store's upsert on H2 (SessionStorePostgresTest has it on PostgreSQL).
	 */
	@Test
	void overlappingRequestsOfOneSessionBothSaveANewAttributeOnH2() {
		assertThat(SessionStoreChecks.lastWriteWins(this.sessions)).isEqualTo("second");
	}

	@Test
	void startsOnH2WithDemoDataTheReviewFilterAndTheModelsAndFormDeployedTogether() {
		assertThat(this.environment.getActiveProfiles()).isEmpty();
		assertThat(this.environment.getDefaultProfiles()).containsExactly("demo");
		assertThat(this.articles.count()).isEqualTo(2);
		assertThat(this.identity.createUserQuery().memberOfGroup("hcp-reviewers").userId("demo-reviewer").count())
			.isEqualTo(1);
		assertThat(this.identity.createUserQuery().memberOfGroup("camunda-admin").count()).isPositive();
		String deployment = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey("hcp-verification")
			.latestVersion()
			.singleResult()
			.getDeploymentId();
		assertThat(this.filters.createFilterQuery().filterName("待审核").count()).isEqualTo(1);
		assertThat(this.repository.getDeploymentResourceNames(deployment)).anyMatch(n -> n.endsWith("zone-access.bpmn"))
			.anyMatch(n -> n.endsWith("review-credentials.form"));
	}

}
