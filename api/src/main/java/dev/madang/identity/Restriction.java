package dev.madang.identity;

import java.time.Instant;

/**
 * A moderator's restriction on a member: {@code suspended} (reads only: no writes at all, except an appeal) or
 * {@code silenced} (no new questions, answers or comments). {@code until} null means for good; {@code reason} is shown
 * to the member. {@code by} is the moderator, or {@code system} when the spam defence silenced them.
 */
public record Restriction(String kind, String reason, Instant until, String by, Instant at) {

	public static final String SUSPENDED = "suspended";

	public static final String SILENCED = "silenced";

	public boolean activeAt(Instant now) {
		return this.until == null || this.until.isAfter(now);
	}

	public boolean isSuspension() {
		return SUSPENDED.equals(this.kind);
	}

}
