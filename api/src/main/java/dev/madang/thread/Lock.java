package dev.madang.thread;

import java.time.Instant;

/** A moderator's lock: no new answers, comments or votes until it is lifted. */
public record Lock(String reason, String by, Instant at) {
}
