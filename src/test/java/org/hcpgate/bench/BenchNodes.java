package org.hcpgate.bench;

import java.util.ArrayList;
import java.util.List;

import org.hcpgate.support.NodeProcesses;
import org.hcpgate.support.PostgresDatabase;

/**
 * Where the parts get their HCP Gate nodes. In a full or quick run every part gets a
 * database and nodes of its own, started for it and stopped after it, so that no part
 * measures another's history or a JIT another part warmed up. A smoke run measures
 * nothing to compare, and a node start costs 20 to 60 s on this machine, more than any
 * part's own smoke work: there every part runs on one database and on nodes started once,
 * at the start of the run, while pgbench and the bare engine run.
 */
final class BenchNodes implements AutoCloseable {

	/** The database and the nodes' names of the shared nodes. */
	private static final String SHARED = "smoke";

	private final BenchPostgres server;

	private final NodeProcesses shared;

	private final List<String> sharedNames = new ArrayList<>();

	private BenchNodes(BenchPostgres server, NodeProcesses shared) {
		this.server = server;
		this.shared = shared;
	}

	/** Each part its own database and nodes. */
	static BenchNodes own(BenchPostgres server) {
		return new BenchNodes(server, null);
	}

	/**
	 * Starts {@code count} nodes on one database for every part and does not wait for
	 * them. They run with growth's clean-up window (the one part that needs options), and
	 * with C1 only: a smoke run is mostly node starts, and C2 compiling for a steady
	 * state that a smoke run never reaches costs a start CPU time the 2 cores do not
	 * have.
	 */
	static BenchNodes shared(BenchPostgres server, int count) throws Exception {
		List<String> options = new ArrayList<>(List.of("-Xmx1g", "-XX:TieredStopAtLevel=1"));
		options.addAll(GrowthBenchmark.cleanUpWindow());
		BenchNodes nodes = new BenchNodes(server, new NodeProcesses(server.createDatabase(SHARED), options));
		// two nodes may start on an empty database at once: the first flow_two_nodes of a
		// full run does so
		for (int i = 1; i <= count; i++) {
			nodes.sharedNames.add(SHARED + "-node-" + i);
			nodes.shared.start(nodes.sharedNames.get(i - 1));
		}
		return nodes;
	}

	/**
	 * The running nodes of a part, given the names it would give them and the options of
	 * its own (both ignored on shared nodes: they have theirs).
	 */
	Lease lease(String database, List<String> names, List<String> options) throws Exception {
		if (this.shared != null) {
			List<String> leased = this.sharedNames.subList(0, names.size());
			for (String name : leased) {
				this.shared.awaitHealthy(name);
			}
			return new Lease(this.shared, SHARED, List.copyOf(leased), false);
		}
		PostgresDatabase created = this.server.createDatabase(database);
		List<String> all = new ArrayList<>(List.of("-Xmx1g"));
		all.addAll(options);
		NodeProcesses nodes = new NodeProcesses(created, all);
		Lease lease = new Lease(nodes, database, List.copyOf(names), true);
		try {
			for (String name : names) {
				nodes.start(name);
			}
			for (String name : names) {
				nodes.awaitHealthy(name);
			}
		}
		catch (Exception | AssertionError failed) {
			lease.close();
			throw failed;
		}
		return lease;
	}

	@Override
	public void close() throws InterruptedException {
		if (this.shared != null) {
			this.shared.stopAll();
		}
	}

	/**
	 * A part's nodes, its database's name (what the server counts by) and the nodes'
	 * names; closing stops the nodes that were started for the part only.
	 */
	record Lease(NodeProcesses nodes, String database, List<String> names, boolean owned) implements AutoCloseable {

		String name(int index) {
			return this.names.get(index);
		}

		@Override
		public void close() throws InterruptedException {
			if (this.owned) {
				this.nodes.stopAll();
			}
		}

	}

}
