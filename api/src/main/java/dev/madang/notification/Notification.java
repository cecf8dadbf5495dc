package dev.madang.notification;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One line in a member's inbox. Similar events while it is unread are merged into it ("3 new answers on …"):
 * {@code groupKey} ({@code user:kind:thread}) is set and unique while unread, and each event adds its id to
 * {@code eventIds} once, so a replayed event changes nothing and the count is the number of events.
 */
@Document("notifications")
// The embedded storage answers from an index only a query naming exactly its fields: the unread count (polled by
// every open page's stream) and marking all read ask by user and read.
@CompoundIndex(name = "user_read", def = "{'userId': 1, 'read': 1}")
record Notification(@Id String id, @Indexed String userId, String kind, String threadId, String postId,
		@Indexed List<String> eventIds, List<String> actorIds, Instant firstAt, Instant lastAt, boolean read,
		@Indexed(unique = true, sparse = true) String groupKey) {

	int count() {
		return (this.eventIds != null) ? this.eventIds.size() : 0;
	}

	static String groupKey(String userId, String kind, String threadId) {
		return userId + ":" + kind + ":" + threadId;
	}

}
