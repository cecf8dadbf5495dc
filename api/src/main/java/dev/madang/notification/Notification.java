package dev.madang.notification;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One line in a member's inbox. Similar events while it is unread are merged into it ("3 new answers on …"):
 * {@code groupKey} ({@link Notice#groupKey()}) is set and unique while unread, and each event adds its id to
 * {@code eventIds} once, so a replayed event changes nothing and the count is the number of events.
 * {@code keptForDigest}: its email was held back by the daily cap, so the daily digest carries it.
 */
@Document("notifications")
// The embedded storage answers from an index only a query naming exactly its fields: the unread count (polled by
// every open page's stream) and marking all read ask by user and read.
@CompoundIndex(name = "user_read", def = "{'userId': 1, 'read': 1}")
record Notification(@Id String id, @Indexed String userId, String kind, String threadId, String postId,
		@Indexed List<String> eventIds, List<String> actorIds, Instant firstAt, Instant lastAt, boolean read,
		@Indexed(unique = true, sparse = true) String groupKey, java.util.Map<String, String> detail,
		Boolean keptForDigest) {

	int count() {
		return (this.eventIds != null) ? this.eventIds.size() : 0;
	}

	/** A detail the event gave (a reason, a privilege, a mention's post type), or null. */
	public String detail(String name) {
		return (this.detail != null) ? this.detail.get(name) : null;
	}

}
