package org.hcpgate.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A node's memory while it works, sampled every second: the heap in use (the JDK's
 * {@code jstat -gc}: survivor, eden and old generation) and the process's resident size
 * ({@code /proc/<pid>/status}, VmRSS). The peaks are what an operator sizes a node for.
 */
final class NodeMemory implements AutoCloseable {

	private final long pid;

	/** A daemon: a part that fails half-way leaves no thread that keeps the run alive. */
	private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "node-memory");
		thread.setDaemon(true);
		return thread;
	});

	private volatile double peakHeapMb;

	private volatile double peakResidentMb;

	private NodeMemory(long pid) {
		this.pid = pid;
	}

	static NodeMemory watch(long pid) {
		NodeMemory memory = new NodeMemory(pid);
		memory.sampler.scheduleAtFixedRate(memory::sample, 0, 1, TimeUnit.SECONDS);
		return memory;
	}

	private void sample() {
		try {
			this.peakResidentMb = Math.max(this.peakResidentMb, residentMb(this.pid));
			this.peakHeapMb = Math.max(this.peakHeapMb, heapMb(this.pid));
		}
		catch (Exception gone) {
			// the node stopped between two samples: keep the peaks so far
		}
	}

	/** Stops sampling; the peaks seen. */
	Peaks peaks() throws InterruptedException {
		this.sampler.shutdown();
		this.sampler.awaitTermination(10, TimeUnit.SECONDS);
		return new Peaks(this.peakHeapMb, this.peakResidentMb);
	}

	@Override
	public void close() {
		this.sampler.shutdownNow();
	}

	static double residentMb(long pid) throws Exception {
		return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))
			.stream()
			.filter(line -> line.startsWith("VmRSS:"))
			.findFirst()
			.map(line -> Double.parseDouble(line.replaceAll("[^0-9]", "")) / 1024)
			.orElseThrow();
	}

	/** S0U + S1U + EU + OU of {@code jstat -gc}, in MB. */
	static double heapMb(long pid) throws Exception {
		Process jstat = new ProcessBuilder("jstat", "-gc", Long.toString(pid)).redirectErrorStream(true).start();
		String[] lines = new String(jstat.getInputStream().readAllBytes()).trim().split("\n");
		jstat.waitFor(10, TimeUnit.SECONDS);
		String[] names = lines[0].trim().split("\\s+");
		String[] values = lines[lines.length - 1].trim().split("\\s+");
		double kb = 0;
		for (int i = 0; i < names.length; i++) {
			if (names[i].equals("S0U") || names[i].equals("S1U") || names[i].equals("EU") || names[i].equals("OU")) {
				kb += Double.parseDouble(values[i]);
			}
		}
		return kb / 1024;
	}

	record Peaks(double heapMb, double residentMb) {
	}

}
