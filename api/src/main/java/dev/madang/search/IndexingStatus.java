package dev.madang.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

/** What the indexer last did on this instance: when it succeeded, its last error, and when it may try again. */
@Component
class IndexingStatus {

	private final Clock clock;

	private volatile Instant lastSuccessAt;

	private volatile String lastError;

	private volatile int consecutiveFailures;

	private volatile Instant nextAttemptAt = Instant.MIN;

	IndexingStatus(Clock clock) {
		this.clock = clock;
	}

	void succeeded() {
		this.lastSuccessAt = this.clock.instant();
		this.consecutiveFailures = 0;
		this.nextAttemptAt = Instant.MIN;
	}

	/** Records a failure and returns the back-off before the next attempt: doubling from {@code base} up to {@code max}. */
	Duration failed(Throwable failure, Duration base, Duration max) {
		this.lastError = failure.toString();
		int failures = ++this.consecutiveFailures;
		Duration backoff = base.multipliedBy(1L << Math.min(failures - 1, 16));
		if (backoff.compareTo(max) > 0) {
			backoff = max;
		}
		this.nextAttemptAt = this.clock.instant().plus(backoff);
		return backoff;
	}

	Instant nextAttemptAt() {
		return this.nextAttemptAt;
	}

	Instant lastSuccessAt() {
		return this.lastSuccessAt;
	}

	String lastError() {
		return this.lastError;
	}

	int consecutiveFailures() {
		return this.consecutiveFailures;
	}

}
