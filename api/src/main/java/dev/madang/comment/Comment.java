package dev.madang.comment;

import java.time.Instant;

import dev.madang.post.Hold;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A short comment on the question or on one of its answers ({@code answerId} set). Plain text: comments ask for
 * clarification, they do not carry formatted answers. A flagged or held comment keeps its {@code hold} until reviewed.
 */
@Document("comments")
public record Comment(@Id String id, String threadId, String answerId, String authorId, String authorName, String body,
		Instant createdAt, Hold hold) {

	/** Hidden pending review: only its author and moderators see it. */
	public boolean isHidden() {
		return this.hold != null;
	}

}
