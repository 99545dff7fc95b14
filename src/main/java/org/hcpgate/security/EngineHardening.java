package org.hcpgate.security;

import java.util.ArrayList;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * What the engine must never do here, whatever the configuration says (Camunda 7.24 CE
 * gets no more security fixes, so the application closes what the engine leaves open):
 * <ul>
 * <li>evaluate an expression in a task or filter query, ad hoc or stored, in any
 * {@code or} branch ({@link ExpressionFreeQueries}, {@link ExpressionGuardFilter});</li>
 * <li>run a script ({@link NoScriptsParseListener} at deployment, {@link NoScriptEngines}
 * at run time);</li>
 * <li>deserialize Java-serialized variables (Java serialization off, type validation
 * on);</li>
 * <li>skip authorization checks for staff;</li>
 * <li>write a variable their task's form does not own, end a task without a decision, or
 * take a colleague's claimed task ({@link StaffChanges}).</li>
 * </ul>
 * Tunable settings (history clean-up window, query result limit) are in application.yml.
 */
@Configuration(proxyBeanMethods = false)
class EngineHardening {

	private static final Logger log = LoggerFactory.getLogger(EngineHardening.class);

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	HardenedEngine hardenedEngine(LoginThrottle throttle) {
		return new HardenedEngine(throttle);
	}

	@Bean
	FilterRegistrationBean<ExpressionGuardFilter> expressionGuard(StaffPaths paths) {
		FilterRegistrationBean<ExpressionGuardFilter> registration = new FilterRegistrationBean<>(
				new ExpressionGuardFilter(paths));
		registration.addUrlPatterns(paths.rest("/*"), paths.webapps("/api/engine/*"));
		registration.setName("expression-guard");
		// after Spring Security (readers already refused), before the REST servlets
		registration.setOrder(-50);
		return registration;
	}

	/**
	 * Applied after the starter's own configuration, so nothing can switch these back.
	 */
	static class HardenedEngine extends AbstractProcessEnginePlugin {

		/** BCrypt's cost: about 60 ms a check here, once per sign-in or REST call. */
		static final int BCRYPT_STRENGTH = 10;

		private final LoginThrottle throttle;

		HardenedEngine(LoginThrottle throttle) {
			this.throttle = throttle;
		}

		@Override
		public void preInit(ProcessEngineConfigurationImpl configuration) {
			configuration.setEnableExpressionsInAdhocQueries(false);
			configuration.setEnableExpressionsInStoredQueries(false);
			configuration.setJavaSerializationFormatEnabled(false);
			configuration.setDeserializationTypeValidationEnabled(true);
			configuration.setAuthorizationEnabled(true);
			configuration.setScriptEngineResolver(new NoScriptEngines());
			if (configuration.getCustomPreBPMNParseListeners() == null) {
				configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
			}
			configuration.getCustomPreBPMNParseListeners().add(new NoScriptsParseListener());
			if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
				configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
			}
			configuration.getCustomPreCommandInterceptorsTxRequired().add(new ExpressionFreeQueries());
			configuration.getCustomPreCommandInterceptorsTxRequired().add(new StaffChanges(configuration));
			configuration.getCustomPreCommandInterceptorsTxRequired().add(new UnlockEndsSignInWaits(this.throttle));
			// staff passwords: BCrypt, and Camunda's password policy (10 characters,
			// upper and lower case, a digit, a special character, not the user's data)
			configuration.setPasswordEncryptor(new BcryptPasswordEncryptor(BCRYPT_STRENGTH));
			configuration.setPasswordPolicy(new DefaultPasswordPolicyImpl());
			log.info(
					"Engine hardened: no expressions in queries, no scripts, no Java serialization, authorization on, staff change only what their forms own, staff passwords BCrypt");
		}

		/**
		 * The password policy holds from here on, for every password a person sets (Admin
		 * webapp, REST, Java API). It is switched on once the engine is built, after the
		 * starter has created the configured administrator
		 * ({@code camunda.bpm.admin-user}, checked by {@code AdminProvisioning}), so that
		 * the demo's documented accounts can still be created by the demo data.
		 */
		@Override
		public void postProcessEngineBuild(ProcessEngine engine) {
			((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).setEnablePasswordPolicy(true);
		}

	}

}
