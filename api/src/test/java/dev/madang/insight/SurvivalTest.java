package dev.madang.insight;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Kaplan–Meier percentiles over bins, worked out by hand. */
class SurvivalTest {

	@Test
	void withoutCensoringTheMedianIsTheEndOfTheBinHoldingTheMiddleQuestion() {
		// Waits of 2, 3 and 20 minutes: 2/3 left after bin 2–3, 1/3 after bin 3–4 → median 4; p90 after 20–30 → 30.
		List<Long> had = bins(2, 3, 20);
		assertThat(Survival.percentile(had, bins(), 0.5)).isEqualTo(new Survival.Wait(4L, null));
		assertThat(Survival.percentile(had, bins(), 0.9)).isEqualTo(new Survival.Wait(30L, null));
	}

	@Test
	void aQuestionStillWaitingLeavesTheRiskSetInsteadOfCountingAsFast() {
		// One response after 5 min; three questions still waiting at 1 min, 60 min and 3 days.
		// At 5: the one censored at 1 has left, 3 at risk → 2/3 waiting: the median is not reached (> 3 days).
		List<Long> had = bins(5);
		List<Long> waiting = bins(1, 60, 3 * 1440);
		assertThat(Survival.percentile(had, waiting, 0.5)).isEqualTo(new Survival.Wait(null, 3 * 1440L));
		// Leaving the waiting ones out would have said "5 minutes": the figure Discourse's average shows.
		assertThat(Survival.percentile(had, bins(), 0.5)).isEqualTo(new Survival.Wait(6L, null));
	}

	@Test
	void nothingAskedHasNoWait() {
		assertThat(Survival.percentile(bins(), bins(), 0.5)).isEqualTo(Survival.Wait.NONE);
	}

	/** Counts per bin of these waits in minutes. */
	private static List<Long> bins(long... minutes) {
		List<Long> counts = new ArrayList<>(Collections.nCopies(Survival.EDGES.length, 0L));
		for (long wait : minutes) {
			int bin = 0;
			while (bin + 1 < Survival.EDGES.length && Survival.EDGES[bin + 1] <= wait) {
				bin++;
			}
			counts.set(bin, counts.get(bin) + 1);
		}
		return counts;
	}

}
