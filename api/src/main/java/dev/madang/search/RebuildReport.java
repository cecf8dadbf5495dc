package dev.madang.search;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * A finished rebuild: the index the alias now points at, how many threads it copied, how many of them changed while
 * it ran (copied again), the indices it replaced, when it started and how long it took.
 */
public record RebuildReport(String index, long threads, long changedDuringRebuild, Set<String> retired,
		Instant startedAt, Duration took) {

	@Override
	public String toString() {
		return String.format("%s: %,d threads (%,d changed during the rebuild) in %,d ms, replaced %s", this.index,
				this.threads, this.changedDuringRebuild, this.took.toMillis(), this.retired);
	}

}
