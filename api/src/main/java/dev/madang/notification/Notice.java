package dev.madang.notification;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What one event tells one member, before it joins their inbox. Answers and comments on a thread merge into one
 * unread line per thread ("3 new answers on …"); every other kind is a line of its own.
 */
record Notice(String userId, String kind, String threadId, String postId, String eventId, String actorId,
		Instant at, Map<String, String> detail) {

	private static final Set<String> MERGED = Set.of(NotificationKind.ANSWER, NotificationKind.COMMENT);

	String groupKey() {
		String about = (this.threadId != null && MERGED.contains(this.kind)) ? this.threadId : "event-" + this.eventId;
		return this.userId + ":" + this.kind + ":" + about;
	}

}
