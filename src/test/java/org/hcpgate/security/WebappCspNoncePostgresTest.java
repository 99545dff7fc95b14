package org.hcpgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hcpgate.support.PostgresIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist, Cockpit, Admin and the welcome page under concurrent load, on a real server
 * (Camunda's filters are not part of MockMvc): every page's scripts carry the nonce of
 * its own Content-Security-Policy header, and no two responses share one. Camunda 7.24
 * alone failed this (a nonce handed over in a ServletContext attribute: 111 of 200 pages
 * wrong with 8 clients).
 */
class WebappCspNoncePostgresTest extends PostgresIntegrationTest {

	static final int CLIENTS = 8;

	static final int PAGES_EACH = 25;

	static final Pattern HEADER_NONCE = Pattern.compile("'nonce-([A-Za-z0-9_+/=-]+)'");

	static final Pattern PAGE_NONCE = Pattern.compile("nonce=\"([^\"]*)\"");

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "cockpit", "admin", "welcome" })
	void everyPageUnderConcurrentLoadCarriesTheNonceOfItsOwnHeader(String app) throws Exception {
		URI page = URI.create("http://127.0.0.1:" + this.port + "/camunda/app/" + app + "/default/");
		// other webapp requests in between: each of them used to overwrite the shared
		// nonce
		URI noise = URI.create("http://127.0.0.1:" + this.port + "/camunda/api/engine/engine/");
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 2);
		CountDownLatch start = new CountDownLatch(1);
		AtomicBoolean loading = new AtomicBoolean(true);
		try {
			List<Future<List<Page>>> clients = new ArrayList<>();
			for (int i = 0; i < CLIENTS; i++) {
				clients.add(pool.submit(() -> {
					start.await();
					List<Page> pages = new ArrayList<>();
					for (int n = 0; n < PAGES_EACH; n++) {
						pages.add(Page.of(this.http.send(HttpRequest.newBuilder(page).GET().build(),
								HttpResponse.BodyHandlers.ofString())));
					}
					return pages;
				}));
			}
			for (int i = 0; i < 2; i++) {
				pool.submit(() -> {
					start.await();
					while (loading.get()) {
						this.http.send(HttpRequest.newBuilder(noise).GET().build(),
								HttpResponse.BodyHandlers.discarding());
					}
					return null;
				});
			}
			start.countDown();
			List<Page> pages = new ArrayList<>();
			for (Future<List<Page>> client : clients) {
				pages.addAll(client.get(2, TimeUnit.MINUTES));
			}
			loading.set(false);

			assertThat(pages).hasSize(CLIENTS * PAGES_EACH).allSatisfy(p -> {
				assertThat(p.status()).isEqualTo(200);
				assertThat(p.headerNonce()).as("the CSP header's nonce").isNotNull();
				assertThat(p.pageNonces()).as("the page's script nonces").isNotEmpty().containsOnly(p.headerNonce());
				assertThat(p.cacheControl()).contains("no-store");
			});
			Set<String> distinct = new HashSet<>();
			pages.forEach(p -> distinct.add(p.headerNonce()));
			assertThat(distinct).as("a nonce of its own for every response").hasSize(pages.size());
		}
		finally {
			loading.set(false);
			pool.shutdownNow();
			pool.awaitTermination(10, TimeUnit.SECONDS);
		}
	}

	record Page(int status, String headerNonce, List<String> pageNonces, String cacheControl) {

		static Page of(HttpResponse<String> response) {
			String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
			Matcher header = HEADER_NONCE.matcher(csp);
			List<String> nonces = new ArrayList<>();
			Matcher page = PAGE_NONCE.matcher(response.body());
			while (page.find()) {
				nonces.add(page.group(1));
			}
			return new Page(response.statusCode(), header.find() ? header.group(1) : null, nonces,
					response.headers().firstValue("Cache-Control").orElse(""));
		}

	}

}
