package org.hcpgate.security;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.WebappProperty;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Applies {@code hcp-gate.security.https} to the Camunda webapps as well, so one switch
 * covers the site and the webapps. The session cookie is one for both, the container's
 * ({@code server.servlet.session.cookie.*}: HttpOnly, SameSite=Lax, Secure with the
 * switch), so the webapps' own session cookie filter adds nothing (it would repeat the
 * attributes). The webapps' CSRF cookie gets {@code Secure} and stays
 * {@code SameSite=Lax}; the webapps' header filter sends HSTS. A bean post processor,
 * because the webapps read these properties while the server is being set up.
 */
@Component
class WebappHardening implements BeanPostProcessor, EnvironmentAware {

	private SecuritySettings settings;

	@Override
	public void setEnvironment(Environment environment) {
		this.settings = Binder.get(environment).bindOrCreate("hcp-gate.security", SecuritySettings.class);
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof CamundaBpmProperties properties) {
			apply(properties.getWebapp(), this.settings);
		}
		return bean;
	}

	static void apply(WebappProperty webapp, SecuritySettings settings) {
		webapp.getSessionCookie().setEnableSameSiteCookie(false);
		webapp.getSessionCookie().setEnableSecureCookie(false);
		webapp.getCsrf().setEnableSameSiteCookie(true);
		if (settings.https()) {
			webapp.getCsrf().setEnableSecureCookie(true);
			webapp.getHeaderSecurity().setHstsDisabled(false);
			webapp.getHeaderSecurity().setHstsMaxAge(String.valueOf(settings.hstsMaxAge().toSeconds()));
		}
	}

}
