package dev.madang.notification;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member's notification settings ({@code id} is the user id): the delivery they chose per kind (kinds not named
 * keep their default) and the state of their digests. {@code nextDailyAt} / {@code nextWeeklyAt} are set only while
 * something waits for that digest, so the digest job reads due members, never every member.
 */
@Document("notification_preferences")
record Preferences(@Id String id, Map<String, String> deliveries, @Indexed Instant nextDailyAt,
		@Indexed Instant nextWeeklyAt, Instant lastDailyAt, Instant lastWeeklyAt) {

	static Preferences defaults(String userId) {
		return new Preferences(userId, Map.of(), null, null, null, null);
	}

	Delivery of(String kind) {
		String chosen = (this.deliveries != null) ? this.deliveries.get(kind) : null;
		return Delivery.parse(chosen).orElse(NotificationKind.DEFAULTS.getOrDefault(kind, Delivery.APP));
	}

	/** Every kind with the delivery in force. */
	Map<String, String> effective() {
		Map<String, String> all = new LinkedHashMap<>();
		NotificationKind.DEFAULTS.keySet().forEach((kind) -> all.put(kind, of(kind).value()));
		return all;
	}

}
