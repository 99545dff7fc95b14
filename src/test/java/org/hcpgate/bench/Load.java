package org.hcpgate.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load generator on loopback: a few threads, each sending the same GET as
 * soon as the last one answered, for a given time. Every answer must be a 200 with the
 * expected text, or the run fails.
 */
final class Load {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	Result run(String url, String cookie, String expected, int threads, Duration duration) throws Exception {
		Samples latencies = new Samples();
		AtomicLong failures = new AtomicLong();
		long end = System.nanoTime() + duration.toNanos();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<?>> workers = new ArrayList<>();
		long start = System.nanoTime();
		for (int i = 0; i < threads; i++) {
			workers.add(pool.submit(() -> {
				HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
				if (cookie != null) {
					request.header("Cookie", cookie);
				}
				HttpRequest get = request.build();
				while (System.nanoTime() < end) {
					long sent = System.nanoTime();
					HttpResponse<String> response = this.http.send(get, HttpResponse.BodyHandlers.ofString());
					latencies.add(System.nanoTime() - sent);
					if (response.statusCode() != 200 || !response.body().contains(expected)) {
						failures.incrementAndGet();
					}
				}
				return null;
			}));
		}
		for (Future<?> worker : workers) {
			worker.get();
		}
		pool.shutdown();
		double seconds = (System.nanoTime() - start) / 1e9;
		if (failures.get() > 0) {
			throw new IllegalStateException(failures.get() + " of " + latencies.count() + " answers from " + url
					+ " were not a 200 with " + expected);
		}
		return new Result(latencies.count() / seconds, latencies);
	}

	/** One request, which must answer 200 with the expected text. */
	void once(String url, String cookie, String expected) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200 || !response.body().contains(expected)) {
			throw new IllegalStateException(url + " answered " + response.statusCode() + " without " + expected);
		}
	}

	/** Several runs of the same load, summed up. */
	record Result(double perSecond, Samples latencies) {

		static Result of(List<Result> runs) {
			Samples all = new Samples();
			double rate = 0;
			for (Result run : runs) {
				rate += run.perSecond();
				run.latencies().addAll(all);
			}
			return new Result(rate / runs.size(), all);
		}

	}

}
