package org.hcpgate.journey;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bean names are contract for the models: a renamed bean keeps its former name as an
 * alias, so instances that run on an older deployment still resolve their expressions.
 */
@Configuration(proxyBeanMethods = false)
class FormerBeanNames {

	@Bean
	static BeanFactoryPostProcessor journeyEngineFormerName() {
		return beanFactory -> beanFactory.registerAlias(JourneyEngine.BEAN, JourneyEngine.FORMER_BEAN);
	}

}
