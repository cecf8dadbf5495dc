package dev.madang.notification;

import java.util.LinkedHashMap;
import java.util.Map;

/** The kinds of notification and how each is delivered until a member chooses otherwise. */
final class NotificationKind {

	static final String ANSWER = "answer";

	static final String COMMENT = "comment";

	static final String MENTION = "mention";

	static final String ACCEPTED = "accepted";

	static final String SOLUTION = "solution";

	static final String PROMOTED = "promoted";

	/** A new question in a tag or product area the member watches. */
	static final String QUESTION = "question";

	/** A moderator's decision about the member's post or account (post hidden, flag agreed, suspension). */
	static final String MODERATION = "moderation";

	static final String PRIVILEGE = "privilege";

	/** A question the member follows became a known issue or feature request, or its status changed. */
	static final String STATUS = "status";

	/** Admins only: a webhook was disabled after repeated failures. */
	static final String WEBHOOK = "webhook";

	/** Every kind with its default, in the order the settings page lists them. */
	static final Map<String, Delivery> DEFAULTS;

	static {
		Map<String, Delivery> defaults = new LinkedHashMap<>();
		defaults.put(ANSWER, Delivery.EMAIL);
		defaults.put(COMMENT, Delivery.EMAIL);
		defaults.put(MENTION, Delivery.EMAIL);
		defaults.put(ACCEPTED, Delivery.EMAIL);
		defaults.put(SOLUTION, Delivery.EMAIL);
		defaults.put(PROMOTED, Delivery.EMAIL);
		defaults.put(QUESTION, Delivery.DAILY);
		defaults.put(STATUS, Delivery.EMAIL);
		defaults.put(MODERATION, Delivery.EMAIL);
		defaults.put(PRIVILEGE, Delivery.APP);
		defaults.put(WEBHOOK, Delivery.EMAIL);
		DEFAULTS = java.util.Collections.unmodifiableMap(defaults);
	}

	private NotificationKind() {
	}

	static boolean known(String kind) {
		return DEFAULTS.containsKey(kind);
	}

}
