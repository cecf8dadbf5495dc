package dev.madang.post;

import java.time.Instant;

import dev.madang.events.DomainEvent;
import dev.madang.events.EventType;

/**
 * Why a post is hidden pending review: {@code cause} is {@code flags} (flagged past the threshold), {@code held} (the
 * spam rules held it before anyone saw it) or {@code moderator}; {@code reason} is the flag reason or rule that
 * decided it, shown to the author, who may edit the post meanwhile.
 */
public record Hold(String cause, String reason, String by, Instant at) {

	public static final String FLAGS = "flags";

	public static final String HELD = "held";

	public static final String MODERATOR = "moderator";

	/** The {@code post.hidden} event of putting this hold on a question, answer or comment. */
	public DomainEvent hiddenEvent(String postType, String postId, String threadId, String postAuthorId) {
		return DomainEvent.of(EventType.POST_HIDDEN, postId, threadId, this.by, this.at, "postType", postType, "cause",
				this.cause, "reason", this.reason, "postAuthorId", postAuthorId);
	}

	/** The {@code post.released} event of taking {@code before} (null if unknown) off a post. */
	public static DomainEvent releasedEvent(String postType, String postId, String threadId, String postAuthorId,
			Hold before, String actorId, Instant at) {
		return DomainEvent.of(EventType.POST_RELEASED, postId, threadId, actorId, at, "postType", postType, "before",
				(before != null) ? before.cause() : null, "postAuthorId", postAuthorId);
	}

}
