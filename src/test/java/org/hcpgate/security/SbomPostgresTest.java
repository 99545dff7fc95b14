package org.hcpgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.hcpgate.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The CycloneDX bill of materials the build puts in the jar, at /actuator/sbom for the
 * staff who run the site: every component and its version, so that an operator's scanner
 * sees what runs.
 */
class SbomPostgresTest extends PostgresIntegrationTest {

	@Autowired
	TestRestTemplate rest;

	@Test
	void theBillOfMaterialsNamesTheStackForAdministratorsOnly() {
		assertThat(this.rest.getForEntity("/actuator/sbom/application", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.rest.withBasicAuth("demo-reviewer", "demo-reviewer")
			.getForEntity("/actuator/sbom/application", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

		ResponseEntity<String> sbom = this.rest.withBasicAuth("demo-admin", "demo-admin")
			.getForEntity("/actuator/sbom/application", String.class);
		assertThat(sbom.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(sbom.getBody()).contains("CycloneDX")
			.contains("pkg:maven/org.camunda.bpm/camunda-engine@7.24.0")
			.contains("pkg:maven/org.springframework.boot/spring-boot@3.5.16")
			.contains("pkg:maven/org.postgresql/postgresql@");
	}

}
