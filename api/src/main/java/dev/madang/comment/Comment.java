package dev.madang.comment;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A short comment on the question or on one of its answers ({@code answerId} set). Plain text: comments ask for
 * clarification, they do not carry formatted answers.
 */
@Document("comments")
public record Comment(@Id String id, String threadId, String answerId, String authorId, String authorName, String body,
		Instant createdAt) {
}
