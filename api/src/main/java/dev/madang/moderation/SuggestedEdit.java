package dev.madang.moderation;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An edit a member below the edit privilege proposed for someone else's post, waiting for a moderator. For an answer
 * only {@code body} and {@code summary} are used. {@code baseRevision} is the revision it was written against: if the
 * post changed meanwhile, applying it is an edit conflict.
 */
@Document("suggested_edits")
record SuggestedEdit(@Id String id, String postType, String postId, String threadId, String suggesterId,
		int baseRevision, String title, String body, List<String> tags, String area, String summary, String status,
		Instant at) {

	static final String PENDING = "pending";

	static final String APPLIED = "applied";

	static final String REJECTED = "rejected";

}
