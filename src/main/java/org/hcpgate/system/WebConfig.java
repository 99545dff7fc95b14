package org.hcpgate.system;

import java.time.Duration;
import java.util.Locale;
import java.util.TimeZone;

import org.hcpgate.security.StaffPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * zh-CN by default; {@code ?lang=en} switches to English and a cookie remembers it. Only
 * the site's two languages are ever taken: any other value (a crafted {@code ?lang=} or
 * cookie) means zh-CN, so it can reach no page, message lookup or stored reader locale.
 */
@Configuration
class WebConfig implements WebMvcConfigurer {

	private final StaffPaths staffPaths;

	WebConfig(StaffPaths staffPaths) {
		this.staffPaths = staffPaths;
	}

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new SupportedLocaleResolver("hcp-gate-locale");
		resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

	/** English for any English, zh-CN for anything else. */
	static Locale supported(Locale locale) {
		return (locale != null && Locale.ENGLISH.getLanguage().equals(locale.getLanguage())) ? Locale.ENGLISH
				: Locale.SIMPLIFIED_CHINESE;
	}

	/** The cookie resolver, held to the supported languages both ways. */
	static class SupportedLocaleResolver extends CookieLocaleResolver {

		SupportedLocaleResolver(String cookieName) {
			super(cookieName);
		}

		@Override
		public Locale resolveLocale(HttpServletRequest request) {
			return supported(super.resolveLocale(request));
		}

		@Override
		public LocaleContext resolveLocaleContext(HttpServletRequest request) {
			// lazy, as the cookie resolver's own: ?lang= changes it later in the same
			// request
			LocaleContext resolved = super.resolveLocaleContext(request);
			return new TimeZoneAwareLocaleContext() {

				@Override
				public Locale getLocale() {
					return supported(resolved.getLocale());
				}

				@Override
				public TimeZone getTimeZone() {
					return (resolved instanceof TimeZoneAwareLocaleContext aware) ? aware.getTimeZone() : null;
				}

			};
		}

		@Override
		public void setLocaleContext(HttpServletRequest request, HttpServletResponse response,
				LocaleContext localeContext) {
			super.setLocaleContext(request, response,
					(localeContext != null) ? new SimpleLocaleContext(supported(localeContext.getLocale())) : null);
		}

	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor)
			.excludePathPatterns(this.staffPaths.webapps("/**"), this.staffPaths.rest("/**"));
	}

}
