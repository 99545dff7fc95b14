package org.hcpgate.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.hcpgate.processes.StaffGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs {@link ModelCheck} on every new deployment, before Camunda parses it: at start-up
 * (the process application's models) and for every deployment over REST, from Camunda
 * Modeler or Cockpit. A broken model is refused as a parse error (REST: 400) whose
 * message lists every problem, and nothing of the deployment is stored.
 */
@Configuration(proxyBeanMethods = false)
class ModelValidation {

	private static final Logger log = LoggerFactory.getLogger(ModelValidation.class);

	@Bean
	ModelContext modelContext(ApplicationContext application) {
		return new ModelContext() {
			@Override
			public boolean isBean(String name) {
				return application.containsBean(name);
			}

			@Override
			public Set<String> knownGroups() {
				return Set.copyOf(StaffGroups.ALL);
			}
		};
	}

	@Bean
	AbstractProcessEnginePlugin modelValidationPlugin(ModelContext context) {
		return new AbstractProcessEnginePlugin() {
			@Override
			public void preInit(ProcessEngineConfigurationImpl configuration) {
				List<Deployer> deployers = (configuration.getCustomPreDeployers() != null)
						? new ArrayList<>(configuration.getCustomPreDeployers()) : new ArrayList<>();
				deployers.add(new ValidatingDeployer(context));
				configuration.setCustomPreDeployers(deployers);
			}
		};
	}

	/** Checks a new deployment; a deployment read back into the cache is not new. */
	static final class ValidatingDeployer implements Deployer {

		private final ModelContext context;

		ValidatingDeployer(ModelContext context) {
			this.context = context;
		}

		@Override
		public void deploy(DeploymentEntity deployment) {
			if (!deployment.isNew() || deployment.getResources() == null) {
				return;
			}
			long started = System.nanoTime();
			Map<String, byte[]> files = new LinkedHashMap<>();
			for (Map.Entry<String, ResourceEntity> resource : deployment.getResources().entrySet()) {
				files.put(resource.getKey(), resource.getValue().getBytes());
			}
			List<ModelProblem> problems = ModelCheck.check(files, this.context);
			log.info("Model validation of deployment '{}': {} files, {} problems, {} ms", deployment.getName(),
					files.size(), problems.size(), (System.nanoTime() - started) / 1_000_000);
			if (!problems.isEmpty()) {
				throw refusal(problems);
			}
		}

		static ParseException refusal(List<ModelProblem> problems) {
			StringBuilder message = new StringBuilder("HCP Gate refuses the models (docs/designing-processes.md):");
			List<Problem> reported = new ArrayList<>();
			for (ModelProblem problem : problems) {
				message.append("\n- ").append(problem);
				reported.add(new Reported(problem));
			}
			return new ParseException(message.toString(), problems.get(0).resource(), reported, List.of());
		}

	}

	/** A problem as Camunda's REST API reports a parse error's details. */
	record Reported(ModelProblem problem) implements Problem {

		@Override
		public String getMessage() {
			return this.problem.toString();
		}

		@Override
		public int getLine() {
			return 0;
		}

		@Override
		public int getColumn() {
			return 0;
		}

		@Override
		public String getMainElementId() {
			return this.problem.elementId();
		}

		@Override
		public List<String> getElementIds() {
			return (this.problem.elementId() != null) ? List.of(this.problem.elementId()) : List.of();
		}

	}

}
