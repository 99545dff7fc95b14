package org.hcpgate.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.hcpgate.consent.ConsentRepository;
import org.hcpgate.processes.ZoneAccessProcess;
import org.hcpgate.readers.Reader;
import org.hcpgate.support.PostgresIntegrationTest;
import org.hcpgate.support.Readers;
import org.hcpgate.zones.Zone;
import org.hcpgate.zones.ZoneRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every GET the site maps, asked by a signed-in reader who has no journey yet (and by an
 * anonymous visitor): none starts a process, completes a task or records a consent.
 * Prefetch, crawlers and a reload must never move a reader's journey.
 */
class GetRequestsChangeNothingPostgresTest extends PostgresIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	Readers readers;

	@Autowired
	ZoneRepository zones;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Autowired
	ConsentRepository consents;

	@Test
	void noGetStartsOrCompletesAProcessOrRecordsAConsent() throws Exception {
		Reader reader = this.readers.newReader();
		String zone = "z" + UUID.randomUUID().toString().substring(0, 8);
		this.zones.save(new Zone(zone, "测试专区 " + zone, "测试协议", "协议正文", 1));

		List<String> asked = new ArrayList<>();
		for (String path : getPaths(zone)) {
			ask(get(path).param("article", "1").with(user(reader)));
			ask(get(path).param("article", "1"));
			asked.add(path);
		}

		assertThat(asked).as("the site's GETs, the journey's among them").contains("/journey/" + zone);
		String readerId = reader.getReaderId();
		assertThat(this.history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKeyLike(ZoneAccessProcess.businessKeysOf(readerId))
			.count()).as("journeys started by a GET").isZero();
		assertThat(this.history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(readerId).count())
			.as("verifications started by a GET")
			.isZero();
		assertThat(this.runtime.createProcessInstanceQuery()
			.variableValueEquals(ZoneAccessProcess.VAR_READER_ID, readerId)
			.count()).as("instances of the reader").isZero();
		assertThat(this.history.createHistoricTaskInstanceQuery().taskAssignee(readerId).finished().count())
			.as("reader tasks completed by a GET")
			.isZero();
		assertThat(this.consents.findByReaderIdOrderByDecidedAtDescIdDesc(readerId)).as("consents recorded by a GET")
			.isEmpty();
	}

	/** A GET that fails (an id that names nothing) still must change nothing: go on. */
	private void ask(MockHttpServletRequestBuilder request) {
		try {
			this.mvc.perform(request);
		}
		catch (Exception failed) {
			// the state checks below are what this test is about
		}
	}

	/**
	 * The site's own GET mappings (not the webapps' or the REST API's), path variables
	 * filled in.
	 */
	private List<String> getPaths(String zone) {
		List<String> paths = new ArrayList<>();
		this.mappings.getHandlerMethods().forEach((info, method) -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
				return;
			}
			String owner = method.getBeanType().getPackageName();
			if (!owner.startsWith("org.hcpgate") || owner.startsWith("org.hcpgate.support")) {
				return;
			}
			for (String pattern : info.getPatternValues()) {
				paths.add(pattern.replaceAll("\\{zone(Key)?}", zone).replaceAll("\\{[^}]+}", "1"));
			}
		});
		return paths;
	}

}
