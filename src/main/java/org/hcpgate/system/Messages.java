package org.hcpgate.system;

import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;

import org.hcpgate.reasons.ReasonCatalogue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.AbstractMessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.util.StringUtils;

/**
 * The site's texts: {@code messages*.properties} as Spring Boot would load them
 * ({@code spring.messages.*}), except the labels of rejection reasons
 * ({@code rejection-reason.<code>}), which are data that leads and editors keep
 * ({@link ReasonCatalogue}). Every page, form error and e-mail that names a reason reads
 * it the same way as before, now from the catalogue, retired reasons included.
 */
@Configuration(proxyBeanMethods = false)
class Messages {

	@Bean
	@ConfigurationProperties("spring.messages")
	MessageSourceProperties messageSourceProperties() {
		return new MessageSourceProperties();
	}

	@Bean
	MessageSource messageSource(MessageSourceProperties properties, ObjectProvider<ReasonCatalogue> reasons) {
		ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
		bundle.setBasenames(properties.getBasename()
			.stream()
			.flatMap(name -> StringUtils.commaDelimitedListToSet(StringUtils.trimAllWhitespace(name)).stream())
			.toArray(String[]::new));
		if (properties.getEncoding() != null) {
			bundle.setDefaultEncoding(properties.getEncoding().name());
		}
		bundle.setFallbackToSystemLocale(properties.isFallbackToSystemLocale());
		Duration cacheDuration = properties.getCacheDuration();
		if (cacheDuration != null) {
			bundle.setCacheMillis(cacheDuration.toMillis());
		}
		bundle.setAlwaysUseMessageFormat(properties.isAlwaysUseMessageFormat());
		bundle.setUseCodeAsDefaultMessage(properties.isUseCodeAsDefaultMessage());
		ReasonLabels labels = new ReasonLabels(reasons);
		labels.setParentMessageSource(bundle);
		return labels;
	}

	/**
	 * Answers {@code rejection-reason.<code>} from the catalogue (looked up when asked:
	 * the catalogue's own transaction, no copy kept on the node) and leaves every other
	 * code to the bundle.
	 */
	static final class ReasonLabels extends AbstractMessageSource {

		private final ObjectProvider<ReasonCatalogue> reasons;

		ReasonLabels(ObjectProvider<ReasonCatalogue> reasons) {
			this.reasons = reasons;
		}

		@Override
		protected String resolveCodeWithoutArguments(String code, Locale locale) {
			if (!code.startsWith(ReasonCatalogue.MESSAGE_PREFIX)) {
				return null;
			}
			ReasonCatalogue catalogue = this.reasons.getIfAvailable();
			return (catalogue == null) ? null
					: catalogue.find(code.substring(ReasonCatalogue.MESSAGE_PREFIX.length()))
						.map(reason -> reason.labelIn(locale))
						.orElse(null);
		}

		@Override
		protected MessageFormat resolveCode(String code, Locale locale) {
			String label = resolveCodeWithoutArguments(code, locale);
			return (label != null) ? createMessageFormat(label, locale) : null;
		}

	}

}
