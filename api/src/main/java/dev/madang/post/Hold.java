package dev.madang.post;

import java.time.Instant;

/**
 * Why a post is hidden pending review: {@code cause} is {@code flags} (flagged past the threshold), {@code held} (the
 * spam rules held it before anyone saw it) or {@code moderator}; {@code reason} is the flag reason or rule that
 * decided it, shown to the author, who may edit the post meanwhile.
 */
public record Hold(String cause, String reason, String by, Instant at) {

	public static final String FLAGS = "flags";

	public static final String HELD = "held";

	public static final String MODERATOR = "moderator";

}
