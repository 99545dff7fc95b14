package org.hcpgate.security;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.security.SecureRandom;
import java.util.Base64;

import org.camunda.bpm.webapp.impl.security.filter.headersec.provider.impl.ContentSecurityPolicyProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Every webapp response gets a nonce of its own. Camunda 7.24 CE hands the nonce of its
 * Content-Security-Policy header (HttpHeaderSecurityFilter) to the index page
 * (ProcessEnginesFilter) in a ServletContext attribute, one slot for the whole
 * application that every webapp request overwrites: under concurrent use a page carried
 * another request's nonce, and with {@code 'strict-dynamic'} all its scripts were
 * blocked. This filter runs before Camunda's (a FilterRegistrationBean maps before the
 * filters the webapps add to the context) and gives each request its own view of that one
 * attribute; it also replaces Camunda's nonce (ThreadLocalRandom, not made for secrets)
 * with one from SecureRandom, in the header and the page alike. Nothing is buffered.
 */
@Configuration(proxyBeanMethods = false)
class WebappCspNonces {

	static final String ATTRIBUTE = ContentSecurityPolicyProvider.ATTR_CSP_FILTER_NONCE;

	@Bean
	FilterRegistrationBean<NonceFilter> webappCspNonceFilter(StaffPaths paths) {
		FilterRegistrationBean<NonceFilter> registration = new FilterRegistrationBean<>(new NonceFilter());
		// /api/* too: no webapp request writes the shared slot any more
		registration.addUrlPatterns(paths.webapps("/app/*"), paths.webapps("/api/*"));
		registration.setName("webapp-csp-nonce");
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		// after Spring Security (-100): a refused request costs nothing here
		registration.setOrder(0);
		return registration;
	}

	static final class NonceFilter extends OncePerRequestFilter {

		private static final String CSP = "Content-Security-Policy";

		private final SecureRandom random = new SecureRandom();

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			// what Camunda generated for this request, confined to it
			String[] camundas = new String[1];
			String own = newNonce();
			ServletContext shared = request.getServletContext();
			ServletContext view = (ServletContext) Proxy.newProxyInstance(ServletContext.class.getClassLoader(),
					new Class<?>[] { ServletContext.class }, (proxy, method, args) -> {
						if (args != null && args.length > 0 && ATTRIBUTE.equals(args[0])) {
							switch (method.getName()) {
								case "getAttribute":
									// null while Camunda's CSP is switched off: no nonce
									// in the page
									return (camundas[0] != null) ? own : null;
								case "setAttribute":
									camundas[0] = (String) args[1];
									return null;
								case "removeAttribute":
									camundas[0] = null;
									return null;
								default:
									break;
							}
						}
						try {
							return method.invoke(shared, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
			HttpServletRequest ownContext = new HttpServletRequestWrapper(request) {

				@Override
				public ServletContext getServletContext() {
					return view;
				}

			};
			HttpServletResponse ownHeader = new HttpServletResponseWrapper(response) {

				@Override
				public void setHeader(String name, String value) {
					super.setHeader(name, swap(name, value));
				}

				@Override
				public void addHeader(String name, String value) {
					super.addHeader(name, swap(name, value));
				}

				private String swap(String name, String value) {
					return (CSP.equalsIgnoreCase(name) && value != null && camundas[0] != null)
							? value.replace("'nonce-" + camundas[0] + "'", "'nonce-" + own + "'") : value;
				}

			};
			chain.doFilter(ownContext, ownHeader);
		}

		private String newNonce() {
			byte[] bytes = new byte[18];
			this.random.nextBytes(bytes);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		}

	}

}
