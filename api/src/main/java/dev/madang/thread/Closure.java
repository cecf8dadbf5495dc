package dev.madang.thread;

import java.time.Instant;

/**
 * Why a moderator closed a question: {@code reason} one of {@link #REASONS}; {@code duplicateOf} the question it
 * duplicates when the reason is {@code duplicate}; {@code note} shown to readers.
 */
public record Closure(String reason, String duplicateOf, String note, String by, Instant at) {

	public static final java.util.List<String> REASONS = java.util.List.of("duplicate", "off-topic", "needs-details",
			"not-reproducible", "resolved-elsewhere", "other");

	public boolean isDuplicate() {
		return this.duplicateOf != null;
	}

}
