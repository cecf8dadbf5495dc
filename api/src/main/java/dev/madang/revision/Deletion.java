package dev.madang.revision;

import java.time.Instant;

/** A soft delete: the post stays stored, hidden from everyone but its author and moderators, and can be undeleted. */
public record Deletion(String deletedBy, Instant at) {
}
