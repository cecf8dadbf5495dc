package dev.madang.insight;

import java.time.Duration;
import java.time.Instant;

/** A period of the figures: questions asked from {@code from} (inclusive) to {@code to} (exclusive). */
record Period(Instant from, Instant to) {

	Duration length() {
		return Duration.between(this.from, this.to);
	}

	/** The period of the same length just before this one, for the change against it. */
	Period previous() {
		return new Period(this.from.minus(length()), this.from);
	}

}
