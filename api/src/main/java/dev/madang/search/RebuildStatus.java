package dev.madang.search;

import java.time.Instant;

/**
 * The rebuild running on this instance, if any ({@code index}, {@code startedAt}, threads {@code copied} so far), and
 * the outcome of the last one: its report, or why it failed.
 */
public record RebuildStatus(boolean running, String index, Instant startedAt, long copied, RebuildReport last,
		String failure) {

	static final RebuildStatus NEVER = new RebuildStatus(false, null, null, 0, null, null);

	static RebuildStatus running(String index, Instant startedAt, RebuildReport last) {
		return new RebuildStatus(true, index, startedAt, 0, last, null);
	}

	static RebuildStatus finished(RebuildReport report) {
		return new RebuildStatus(false, report.index(), report.startedAt(), report.threads(), report, null);
	}

	static RebuildStatus failed(String index, Instant startedAt, Throwable failure, RebuildReport last) {
		return new RebuildStatus(false, index, startedAt, 0, last, failure.toString());
	}

	RebuildStatus copied(long count) {
		return new RebuildStatus(this.running, this.index, this.startedAt, count, this.last, this.failure);
	}

}
