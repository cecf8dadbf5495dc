package dev.madang.webhook;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One event on its way to one webhook. The id is {@code <webhook>:<event>} (a redelivery adds {@code :r<n>}), so the
 * dispatcher, replaying a batch after a crash, creates each delivery once; receivers see it as {@code X-Madang-Delivery}
 * and can drop a repeat. The body is fixed when the delivery is created, so every attempt sends the same bytes.
 */
@Document("webhook_deliveries")
record WebhookDelivery(@Id String id, @Indexed String webhookId, String eventId, String eventType, String body,
		@Indexed String state, int attempts, Instant dueAt, Instant sendingSince, List<Attempt> log,
		Instant deliveredAt, Instant createdAt) {

	static final String PENDING = "pending";

	static final String SENDING = "sending";

	static final String DELIVERED = "delivered";

	/** Every attempt failed, or the webhook was switched off or deleted meanwhile. */
	static final String FAILED = "failed";

	/** One attempt: when, the response status (0 when there was none) or the error, and how long it took. */
	record Attempt(Instant at, int status, String error, long millis) {
	}

}
