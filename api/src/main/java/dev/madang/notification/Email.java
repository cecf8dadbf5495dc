package dev.madang.notification;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One email and where it is on its way. The id says what it is for ({@code n:<notification>} or
 * {@code d:<daily|weekly>:<user>:<period start>}), so scheduling it twice keeps one. {@code pending} until due;
 * {@code sending} once composed and handed to SMTP ({@code messageId} fixed then, so a resend after a crash carries
 * the same Message-ID); then {@code sent}, {@code kept} (no SMTP configured: in the admins' outbox) or
 * {@code cancelled} with the reason.
 */
@Document("emails")
record Email(@Id String id, @Indexed String state, String purpose, String userId, String notificationId,
		List<String> notificationIds, Instant dueAt, int attempts, String to, String locale, String subject, String text,
		String html, String unsubscribeUrl, String messageId, Instant sendingSince, @Indexed String sentDay,
		Instant sentAt, String reason, String lastError, Instant createdAt) {

	static final String PENDING = "pending";

	static final String SENDING = "sending";

	static final String SENT = "sent";

	static final String KEPT = "kept";

	static final String CANCELLED = "cancelled";

	static final String NOTIFICATION = "notification";

	static final String DIGEST = "digest";

	static String forNotification(String notificationId) {
		return "n:" + notificationId;
	}

}
