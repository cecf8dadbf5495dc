package dev.madang.notification;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member's interest in a thread: {@code watching} (told about new answers and comments) or {@code muted} (never
 * told). {@code id} is {@code userId:threadId}, so a member has one watch per thread. Askers, answerers and commenters
 * watch their threads automatically ({@code automatic}); a mute they chose is never overwritten by that. A watch on a
 * {@code topic} (a tag or a product area, id {@code userId:topic}) tells of new questions there; muting a topic keeps
 * its new questions away even when another watched topic has them.
 */
@Document("watches")
record Watch(@Id String id, @Indexed String userId, @Indexed String threadId, @Indexed String topic, String level,
		boolean automatic, Instant at) {

	static final String WATCHING = "watching";

	static final String MUTED = "muted";

	static String idOf(String userId, String threadId) {
		return userId + ":" + threadId;
	}

	/** A tag or product area watched for new questions ({@code tag:<name>}, {@code area:<key>}). */
	static String tagTopic(String tag) {
		return "tag:" + tag;
	}

	static String areaTopic(String area) {
		return "area:" + area;
	}

}
