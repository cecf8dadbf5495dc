package dev.madang.moderation;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One thing in the moderators' queue. {@code subject} is the post id (or the member's id for appeals and automatic
 * silences); {@code openKey} ({@code kind:subject}, an appeal's also naming its restriction) keeps one open item per
 * kind and subject. A moderator's claim ({@code claimedBy} until {@code claimedUntil}) keeps others off it; deciding
 * it is a conditional update on the claim, so one decision wins.
 */
@Document("review_items")
record ReviewItem(@Id String id, String kind, String subject, String postType, String threadId, String threadTitle,
		String authorId, String area, String excerpt, Map<String, Object> details, Instant createdAt, String status,
		String claimedBy, Instant claimedUntil, String outcome, String decidedBy, Instant decidedAt,
		@Indexed(unique = true, sparse = true) String openKey) {

	static final String OPEN = "open";

	static final String DONE = "done";

	PostRef post() {
		return (this.postType != null) ? new PostRef(this.postType, this.subject) : null;
	}

	ReviewKind reviewKind() {
		return ReviewKind.of(this.kind);
	}

	boolean claimedByOtherThan(String moderatorId, Instant now) {
		return this.claimedBy != null && !this.claimedBy.equals(moderatorId) && this.claimedUntil != null
				&& this.claimedUntil.isAfter(now);
	}

}
