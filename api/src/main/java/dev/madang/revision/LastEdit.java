package dev.madang.revision;

import java.time.Instant;

/**
 * Who changed a post last, when, and why; kept on the post itself so its current revision can always be described
 * without reading the history.
 */
public record LastEdit(String editorId, Instant at, String summary) {
}
