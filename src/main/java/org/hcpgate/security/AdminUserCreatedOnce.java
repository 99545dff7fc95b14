package org.hcpgate.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.configuration.impl.custom.CreateAdminUserConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The starter creates the configured administrator ({@code camunda.bpm.admin-user}) when
 * the engine is built, with no lock: two nodes starting together on an empty database
 * both insert the user's authorization and one dies on the unique key. Its plugin runs
 * here under the {@link StartupLock}, so that the second node finds the user and skips
 * it, as the starter itself does on any later start.
 */
@Configuration(proxyBeanMethods = false)
class AdminUserCreatedOnce {

	@Bean
	static BeanPostProcessor adminUserCreatedOncePostProcessor(ObjectProvider<StartupLock> startupLock) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof CreateAdminUserConfiguration create) ? new OnceInTheCluster(create, startupLock)
						: bean;
			}
		};
	}

	/** The starter's plugin, its engine-build step one node at a time; same order. */
	static final class OnceInTheCluster implements ProcessEnginePlugin, Ordered {

		private final CreateAdminUserConfiguration create;

		private final ObjectProvider<StartupLock> startupLock;

		OnceInTheCluster(CreateAdminUserConfiguration create, ObjectProvider<StartupLock> startupLock) {
			this.create = create;
			this.startupLock = startupLock;
		}

		@Override
		public void preInit(ProcessEngineConfigurationImpl configuration) {
			this.create.preInit(configuration);
		}

		@Override
		public void postInit(ProcessEngineConfigurationImpl configuration) {
			this.create.postInit(configuration);
		}

		@Override
		public void postProcessEngineBuild(ProcessEngine engine) {
			this.startupLock.getObject().exclusively(() -> this.create.postProcessEngineBuild(engine));
		}

		/**
		 * The starter's own order for its configurations (before HCP Gate's hardening).
		 */
		@Override
		public int getOrder() {
			return 0;
		}

		@Override
		public String toString() {
			return this.create.toString();
		}

	}

}
