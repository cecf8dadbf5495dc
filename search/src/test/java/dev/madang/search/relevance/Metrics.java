package dev.madang.search.relevance;

import java.util.List;

/** Recall at 1, 5 and 10 and the mean reciprocal rank (within the first 10) of a run of queries. */
final class Metrics {

	private int queries;

	private int at1;

	private int at5;

	private int at10;

	private double reciprocalRanks;

	/** Records where the relevant document came in the ranked ids (absent: not found in the first 10). */
	synchronized void record(List<String> ranked, String relevantId) {
		this.queries++;
		int rank = ranked.subList(0, Math.min(10, ranked.size())).indexOf(relevantId) + 1;
		if (rank == 0) {
			return;
		}
		this.at1 += (rank == 1) ? 1 : 0;
		this.at5 += (rank <= 5) ? 1 : 0;
		this.at10 += 1;
		this.reciprocalRanks += 1.0 / rank;
	}

	/** Pools another run's figures into this one. */
	synchronized void add(Metrics other) {
		this.queries += other.queries;
		this.at1 += other.at1;
		this.at5 += other.at5;
		this.at10 += other.at10;
		this.reciprocalRanks += other.reciprocalRanks;
	}

	int queries() {
		return this.queries;
	}

	String row(String dataset, String configuration) {
		return String.format("| %s | %s | %,d | %.3f | %.3f | %.3f | %.3f |", dataset, configuration, this.queries,
				ratio(this.at1), ratio(this.at5), ratio(this.at10), this.reciprocalRanks / Math.max(1, this.queries));
	}

	private double ratio(int hits) {
		return (double) hits / Math.max(1, this.queries);
	}

}
