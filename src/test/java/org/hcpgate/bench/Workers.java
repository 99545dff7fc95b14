package org.hcpgate.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The same piece of work done a number of times by a pool of threads; the first failure
 * fails all.
 */
final class Workers {

	private Workers() {
	}

	@FunctionalInterface
	interface Work {

		void run(int index) throws Exception;

	}

	static void run(int threads, int times, Work work) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<?>> runs = new ArrayList<>();
		for (int i = 0; i < times; i++) {
			int index = i;
			runs.add(pool.submit(() -> {
				work.run(index);
				return null;
			}));
		}
		try {
			for (Future<?> run : runs) {
				run.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
