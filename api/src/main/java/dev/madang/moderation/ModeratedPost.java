package dev.madang.moderation;

import java.time.Instant;

/** A post as moderators see it in the queue: where it is, who wrote it, its text and whether it is visible. */
public record ModeratedPost(PostRef ref, String threadId, String threadTitle, String authorId, String area, String text,
		boolean deleted, boolean hidden, Instant createdAt) {
}
