package dev.madang.webhook;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A target admins configured: which event kinds ({@code *} for all) go to which URL, signed with its secret.
 * {@code failures} counts failed attempts in a row; past {@code madang.webhooks.disable-after} the webhook is switched
 * off ({@code disabledReason} says why) and admins are told.
 */
@Document("webhooks")
record Webhook(@Id String id, String url, String secret, List<String> kinds, @Indexed boolean enabled,
		boolean allowPrivate, int failures, String disabledReason, Instant disabledAt, String createdBy,
		Instant createdAt) {

	boolean wants(String eventType) {
		return this.kinds == null || this.kinds.isEmpty() || this.kinds.contains("*") || this.kinds.contains(eventType);
	}

}
