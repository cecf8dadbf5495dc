package dev.madang.comment;

import java.time.Instant;

/**
 * A comment brought in from another site, on an imported question ({@code answerId} null) or answer.
 *
 * @param importKey the site and the original id: importing it again finds it instead of adding it twice
 */
public record CommentImport(String importKey, String threadId, String answerId, String authorId, String authorName,
		String body, Instant createdAt) {
}
