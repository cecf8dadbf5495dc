package dev.madang.insight;

import java.util.List;

/**
 * Percentiles of a waiting time (first response, resolution) that counts the questions still waiting instead of
 * leaving them out: a Kaplan–Meier estimate over time bins. Each question either had the event after some time
 * (counted in that time's bin) or was still waiting at the period's end (censored in the bin of its age then); a
 * censored question is at risk through its own bin. The p-th percentile is the end of the first bin at which at
 * least p of the questions have had the event; when fewer ever do, it is not reached, and the figure says the
 * wait is longer than the last bin with any question.
 */
final class Survival {

	/** Bin edges in minutes; the last bin has no end. */
	static final long[] EDGES = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 360, 480,
			720, 960, 1440, 2 * 1440, 3 * 1440, 4 * 1440, 5 * 1440, 7 * 1440, 10 * 1440, 14 * 1440, 21 * 1440,
			30 * 1440, 45 * 1440, 60 * 1440, 90 * 1440, 180 * 1440, 365 * 1440 };

	private Survival() {
	}

	/**
	 * A percentile of the wait: {@code minutes} is the end of its bin, or null when not reached, with
	 * {@code moreThanMinutes} then the start of the last bin holding any question (null without any).
	 */
	record Wait(Long minutes, Long moreThanMinutes) {

		static final Wait NONE = new Wait(null, null);

	}

	/**
	 * The {@code share} (0–1) percentile from the counts per bin of questions that had the event ({@code events})
	 * and of those still waiting ({@code censored}), both of length {@code EDGES.length}.
	 */
	static Wait percentile(List<Long> events, List<Long> censored, double share) {
		long total = 0;
		int last = -1;
		for (int bin = 0; bin < EDGES.length; bin++) {
			long here = events.get(bin) + censored.get(bin);
			total += here;
			if (here > 0) {
				last = bin;
			}
		}
		if (total == 0) {
			return Wait.NONE;
		}
		double surviving = 1.0;
		long atRisk = total;
		for (int bin = 0; bin < EDGES.length; bin++) {
			long had = events.get(bin);
			if (had > 0) {
				surviving *= 1.0 - (double) had / atRisk;
				if (surviving <= 1.0 - share + 1e-9) {
					return (bin + 1 < EDGES.length) ? new Wait(EDGES[bin + 1], null) : new Wait(null, EDGES[bin]);
				}
			}
			atRisk -= had + censored.get(bin);
		}
		return new Wait(null, EDGES[last]);
	}

}
